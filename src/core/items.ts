/**
 * Verification item identity: the one place for the id pattern, the slug of a step and how
 * the ids of one entry are made unique. `<entry id>#<item id>` must stay the same across
 * rebuilds while the text stays the same, so a tester's progress survives a republish;
 * everything here is therefore a pure function of the entry's own text. Browser-safe.
 */
import type { Diagnostic, Position } from './diagnostics.ts';
import { slugify } from './slug.ts';

/** Entry ids and explicit item ids (content-format.md, "Entry"). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isValidId(text: string): boolean {
  return ID_PATTERN.test(text);
}

/** Longest automatic id, before a `-2` collision suffix. */
export const SLUG_MAX_LENGTH = 48;

/** The id an empty slug falls back to (a step of punctuation or emoji only). */
export const EMPTY_SLUG = 'item';

/** The automatic id of a step: its slug (slug.ts) cut to 48 characters, or `item`. */
export function slugifyStep(plainText: string): string {
  return slugify(plainText, SLUG_MAX_LENGTH) || EMPTY_SLUG;
}

export interface ItemIdDraft {
  /** The `id:` written in front matter, or null for an automatic id. */
  explicitId: string | null;
  /** Plain text of the step: the source of the automatic id. */
  step: string;
  /** Where a problem with this item's id points (its `id:` value, or the item). */
  at: Position;
}

export interface ItemIds {
  /** One key per draft, in the drafts' order. */
  keys: string[];
  diagnostics: Diagnostic[];
}

/**
 * Gives every item of one entry its key. Drafts come in document order (front-matter items
 * first, then body items), which decides the `x`, `x-2`, `x-3` suffixes of automatic ids
 * that collide; a suffix already held by any other id is skipped. Explicit ids are taken as
 * written: one that is invalid, or that equals any other id of the entry (explicit or
 * automatic), is an error at that explicit id (at the later one when both are explicit).
 * A key is still returned for every draft, so a caller can go on checking.
 */
export function assignItemIds(drafts: readonly ItemIdDraft[], entryFile: string): ItemIds {
  const diagnostics: Diagnostic[] = [];
  const slugs = drafts.map((d) => (d.explicitId === null ? slugifyStep(d.step) : null));

  // Every id written or derived before suffixes are added: a suffix never lands on one of them.
  const taken = new Set<string>();
  drafts.forEach((d, i) => taken.add(d.explicitId ?? slugs[i]!));

  const bareGiven = new Set<string>();
  const keys = drafts.map((draft, i) => {
    if (draft.explicitId !== null) return draft.explicitId;
    const slug = slugs[i]!;
    if (!bareGiven.has(slug)) {
      bareGiven.add(slug);
      return slug;
    }
    let n = 2;
    while (taken.has(`${slug}-${n}`)) n++;
    const key = `${slug}-${n}`;
    taken.add(key);
    return key;
  });

  for (const draft of drafts) {
    if (draft.explicitId !== null && !isValidId(draft.explicitId)) {
      diagnostics.push(
        itemError(
          entryFile,
          draft.at,
          'invalid-id',
          `The item id "${draft.explicitId}" is not valid: use letters, digits, ".", "_" or "-", starting with a letter or digit, 64 characters at most`,
        ),
      );
    }
  }

  // Drafts by key, in document order. Automatic ids never share a key (suffixes), so a
  // shared key always involves an explicit id: the error points at it, because that is what
  // a writer can change (a body item has no `id` to edit). Between explicit ids only, the
  // first keeps it and every later one is reported.
  const byKey = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  for (const [key, indices] of byKey) {
    if (indices.length < 2) continue;
    const automatic = indices.find((i) => drafts[i]!.explicitId === null);
    const explicit = indices.filter((i) => i !== automatic);
    for (const i of automatic === undefined ? explicit.slice(1) : explicit) {
      const other = drafts[automatic ?? explicit[0]!]!;
      const what =
        other.explicitId === null ? `the automatic id of the step "${other.step}"` : 'another item of this entry';
      diagnostics.push(
        itemError(
          entryFile,
          drafts[i]!.at,
          'duplicate-item-id',
          `The item id "${key}" is already used by ${what} (line ${other.at.line}); choose another \`id\``,
        ),
      );
    }
  }

  return { keys, diagnostics };
}

function itemError(file: string, at: Position, code: 'invalid-id' | 'duplicate-item-id', message: string): Diagnostic {
  return { file, line: at.line, column: at.column, severity: 'error', code, message };
}
