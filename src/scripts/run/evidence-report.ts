/**
 * The evidence block of the printable sign-off report (core/run/report-document.ts): for each
 * failed or blocked item with files, its name and a read-only `<rb-evidence>`, which draws the
 * thumbnails from the browser's storage. Without a run (a report made elsewhere) the files are
 * named only: the attachments table of the report lists them with their hashes.
 */
import type { ReportBlock } from '../../core/run/report-blocks.ts';
import { h } from '../lib/dom.ts';
import './evidence-element.ts';

export function evidenceReportNode(block: Extract<ReportBlock, { kind: 'evidence' }>): HTMLElement {
  return h(
    'section',
    { class: 'report-evidence-thumbnails', attrs: { 'aria-label': block.caption } },
    h('h4', { text: block.caption }),
    ...block.items.map((item) =>
      h(
        'figure',
        { class: 'report-evidence-item', data: { item: item.id } },
        h('figcaption', { text: item.text }),
        block.run
          ? h('rb-evidence', {
              attrs: { 'run-id': block.run, 'item-id': item.id, product: block.product, readonly: true },
            })
          : h('ul', null, ...item.files.map((f) => h('li', { text: f.name }))),
      ),
    ),
  );
}
