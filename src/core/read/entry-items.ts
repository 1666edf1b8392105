/**
 * An entry's verification items before they get their ids: from `verify:` in the front
 * matter (a step, or a mapping), then from the body's verification section.
 */
import { escapeHtml } from '../escape.ts';
import type { BodyItem } from '../markdown/analyze.ts';
import { isBlankText } from '../markdown/plain-text.ts';
import type { DiagnosticList, Position } from '../diagnostics.ts';
import type { Item, Priority } from '../model.ts';
import { isPlaceholderStep } from '../scaffold/placeholder.ts';
import { verifyItemSchema } from './entry-schema.ts';
import { at, checkMapping, type Located } from './schema-check.ts';
import { isPlainMap, type Plain } from './yaml.ts';

/** An item before its id: the id written, if any, and where to report a problem with it. */
export interface ItemDraft {
  explicitId: string | null;
  step: string;
  at: Position;
  item: Omit<Item, 'id' | 'key'>;
}

/** `verify:` items: a plain string is a step; a mapping gives id, step, expect, priority, menu, setup. */
export function frontMatterItems(values: unknown[], where: Located): ItemDraft[] | null {
  const drafts: ItemDraft[] = [];
  let ok = true;
  values.forEach((value, i) => {
    const path = ['verify', i];
    const plain = value as Plain;
    const mapping = typeof plain === 'string' ? Object.assign(Object.create(null), { step: plain }) : plain;
    if (!isPlainMap(mapping)) {
      ok = false;
      where.diagnostics.error(
        'wrong-type',
        where.file,
        at(where, path),
        '`verify` items are a step (text) or a mapping with `step`, `expect`, `priority`…',
      );
      return;
    }
    const item = checkMapping(verifyItemSchema, mapping, where, typeof plain === 'string' ? ['verify'] : path);
    if (!item) {
      ok = false;
      return;
    }
    if (isBlankText(item.step)) {
      ok = false;
      where.diagnostics.error(
        'empty-item',
        where.file,
        at(where, typeof plain === 'string' ? path : [...path, 'step']),
        'This verification item has no step: its text is only invisible characters (no-break or zero-width spaces…); write what to check, or remove the item',
      );
      return;
    }
    // An expected result that shows nothing is none.
    const expect = item.expect === undefined || isBlankText(item.expect) ? null : item.expect;
    drafts.push({
      explicitId: item.id ?? null,
      step: item.step,
      at: at(where, item.id ? [...path, 'id'] : path),
      item: {
        step: item.step,
        stepHtml: escapeHtml(item.step),
        expect,
        expectHtml: expect === null ? null : escapeHtml(expect),
        priority: item.priority ?? 'normal',
        menu: item.menu ?? null,
        setup: item.setup ?? null,
      },
    });
  });
  return ok ? drafts : null;
}

/** The body's items, which take their ids from their steps. */
export function bodyItems(items: readonly BodyItem[]): ItemDraft[] {
  return items.map((item) => ({
    explicitId: null,
    step: item.step,
    at: { line: item.line, column: item.column },
    item: {
      step: item.step,
      stepHtml: item.stepHtml,
      expect: item.expect,
      expectHtml: item.expectHtml,
      priority: 'normal' as Priority,
      menu: null,
      setup: null,
    },
  }));
}

/** A step still holding the text `roadbook new` wrote: the writer has not described the check yet. */
export function warnPlaceholders(drafts: readonly ItemDraft[], file: string, diagnostics: DiagnosticList): void {
  for (const draft of drafts) {
    if (!isPlaceholderStep(draft.step)) continue;
    diagnostics.warning(
      'placeholder-item',
      file,
      draft.at,
      'This verification item is still the placeholder `roadbook new` wrote; replace it with the action to take and the result expected',
    );
  }
}
