/**
 * The first rows of a long path while the rest of it loads (lib/open-path.ts gives the
 * checklist of its first version): a tester sees what the run is about at once, not after the
 * last of a hundred files. Only a preview: its rows have no status, no field and no id the
 * page records by (`data-item`), so nothing can be recorded or signed off before the whole
 * path is in; the run's own rows replace it, counted over the whole path.
 */
import type { Checklist, ChecklistItem } from '../../core/checklist/types.ts';
import { priorityLabel } from '../../core/i18n/labels.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { Locale } from '../../core/model.ts';
import { h, part } from '../lib/dom.ts';

/** About a screen of rows: what can be seen before the rest is in. */
const PREVIEW_ROWS = 30;
const PREVIEW = 'path-preview';

export interface PreviewContext {
  t: Translate;
  locale: Locale;
}

function previewRow(item: ChecklistItem, c: PreviewContext): HTMLLIElement {
  return h(
    'li',
    { class: 'run-item run-item-preview' },
    h(
      'div',
      { class: 'run-item-head' },
      h('span', { class: 'run-item-id', text: item.id }),
      h('span', {
        class: 'badge badge-priority',
        data: { value: item.priority },
        text: priorityLabel(c.locale, item.priority),
      }),
    ),
    // Safe HTML from core, as the run's own rows show it.
    h('div', { class: 'run-item-step', html: item.stepHtml }),
    item.expectHtml === null
      ? null
      : h(
          'p',
          { class: 'run-item-expect' },
          h('span', { class: 'run-label', text: c.t('run.item.expect') }),
          ' ',
          h('span', { class: 'run-expect-text', html: item.expectHtml }),
        ),
  );
}

/** Shows the first changes of `checklist` under the path's status, in place of an earlier preview. */
export function showPreview(root: HTMLElement, checklist: Checklist, c: PreviewContext): void {
  removePreview(root);
  const items = checklist.items.filter((item) => item.process === null).slice(0, PREVIEW_ROWS);
  if (!items.length) return;
  const box = h(
    'section',
    {
      class: 'run-preview',
      attrs: { 'aria-busy': 'true', 'aria-label': c.t('path.loading') },
      data: { part: PREVIEW, hideInReport: '' },
    },
    h('ul', { class: 'run-items' }, ...items.map((item) => previewRow(item, c))),
  );
  part(root, 'path-error').after(box);
}

/** Takes the preview away (the run is shown, or the path could not be opened). */
export function removePreview(root: HTMLElement): void {
  root.querySelector(`[data-part="${PREVIEW}"]`)?.remove();
}
