/**
 * The one place for how a checklist item's id is written and read back: `<entry id>#<key>`
 * for an entry's item, `process:<process id>#<n>` for step n (from 1) of a process and
 * `procedure:<key>` for a step of the upgrade procedure. Progress is stored by these ids, so
 * making and reading them in one module keeps a republished site reading what testers saved.
 * Browser-safe.
 */

export const PROCESS_PREFIX = 'process:';
export const PROCEDURE_PREFIX = 'procedure:';
const KEY_SEPARATOR = '#';

export type ItemIdKind = 'entry' | 'process' | 'procedure';

/** An item id read back: who owns the item (null for the procedure) and its key there. */
export interface ItemIdParts {
  kind: ItemIdKind;
  owner: string | null;
  key: string;
}

export function entryItemId(entryId: string, key: string): string {
  return `${entryId}${KEY_SEPARATOR}${key}`;
}

/** The id of step `n` (from 1) of a process. */
export function processItemId(processId: string, n: number): string {
  return `${processGroupKey(processId)}${KEY_SEPARATOR}${n}`;
}

export function procedureItemId(key: string): string {
  return `${PROCEDURE_PREFIX}${key}`;
}

/** What groups the items of one process apart from the modules' groups: `process:<id>`. */
export function processGroupKey(processId: string): string {
  return `${PROCESS_PREFIX}${processId}`;
}

export function isProcedureItem(id: string): boolean {
  return id.startsWith(PROCEDURE_PREFIX);
}

/**
 * Splits an id at its last `#` (entry and process ids never hold one, keys may not either).
 * An id without a `#` after its owner reads as an entry id with an empty key, so a stray stored id still names
 * the entry it may have belonged to.
 */
export function parseItemId(id: string): ItemIdParts {
  if (isProcedureItem(id)) return { kind: 'procedure', owner: null, key: id.slice(PROCEDURE_PREFIX.length) };
  const kind: ItemIdKind = id.startsWith(PROCESS_PREFIX) ? 'process' : 'entry';
  const rest = kind === 'process' ? id.slice(PROCESS_PREFIX.length) : id;
  const hash = rest.lastIndexOf(KEY_SEPARATOR);
  if (hash <= 0) return { kind, owner: rest, key: '' };
  return { kind, owner: rest.slice(0, hash), key: rest.slice(hash + 1) };
}

/** The HTML id of an entry's item on its page (`item-GES-100--remise`): `#` is not kept in it. */
export function itemAnchor(id: string): string {
  return `item-${id.replace(KEY_SEPARATOR, '--')}`;
}
