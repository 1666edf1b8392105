/**
 * JSON: the checklist object exactly, as `src/core/schemas/checklist.schema.json` describes
 * it. With results, they are added under a top-level `results` key (every result given, by
 * item id, carried ones with their `carriedFrom`, so a run exported this way loses nothing).
 * A checklist arranged by the options (order by risk, minimum set: the registry in index.ts
 * arranges it before any format runs) says so under `arrangement`, so a reader knows its
 * items are not every item of the path in the road book's order.
 */
import type { RunResults } from '../checklist/progress.ts';
import { isArranged } from '../checklist/risk.ts';
import type { Checklist } from '../checklist/types.ts';
import type { ExportOptions } from './labels.ts';

export function exportJson(checklist: Checklist, results?: RunResults, options?: ExportOptions): string {
  const arrangement = isArranged(options)
    ? { arrangement: { order: options?.order ?? 'road-book', minimum: !!options?.minimum } }
    : {};
  const value = { ...checklist, ...arrangement, ...(results === undefined ? {} : { results }) };
  return `${JSON.stringify(value, null, 2)}\n`;
}
