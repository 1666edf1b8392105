/**
 * Which entries a request's module and edition filters keep, and the order of modules in a
 * checklist.
 */
import type { EntryRecord } from '../model.ts';

/** The entry's first module that is selected (its first module when none is). */
export function listedModule(entry: Pick<EntryRecord, 'modules'>, selected: readonly string[]): string | null {
  if (selected.length === 0) return entry.modules[0] ?? '';
  return entry.modules.find((m) => selected.includes(m)) ?? null;
}

/** Whether an entry is for one of the selected editions: an entry with no editions is for all. */
export function inEditions(entry: Pick<EntryRecord, 'editions'>, selected: readonly string[]): boolean {
  return selected.length === 0 || entry.editions.length === 0 || entry.editions.some((e) => selected.includes(e));
}

/**
 * Orders module ids: the modules of roadbook.yml in their order, then any other module
 * alphabetically.
 */
export function moduleOrder(known: readonly { id: string }[]): (a: string, b: string) => number {
  const rank = new Map(known.map((m, i) => [m.id, i]));
  return (a, b) => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}
