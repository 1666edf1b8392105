/**
 * JSON: the checklist object exactly, as `src/core/schemas/checklist.schema.json` describes
 * it. With results, they are added under a top-level `results` key (every result given, by
 * item id, so a run exported this way loses nothing).
 */
import type { RunResults } from '../checklist/progress.ts';
import type { Checklist } from '../checklist/types.ts';
import type { ExportOptions } from './labels.ts';

export function exportJson(checklist: Checklist, results?: RunResults, _options?: ExportOptions): string {
  const value = results === undefined ? checklist : { ...checklist, results };
  return `${JSON.stringify(value, null, 2)}\n`;
}
