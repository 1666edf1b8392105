/**
 * The printable sign-off report: report-document.ts's blocks as elements, every text set as
 * text, and the toolbar above it (not printed).
 */
import type { Translate } from '../../core/i18n/translate.ts';
import type { ReportBlock } from '../../core/run/report-blocks.ts';
import { REPORT_FORMATS } from '../../core/run/report-formats.ts';
import { h } from '../lib/dom.ts';
import { evidenceReportNode } from './evidence-report.ts';

/** What the report's toolbar asks of the page (printing it needs nothing of the page). */
export interface ReportToolbarActions {
  close(): void;
  /** Downloads the report in the format of this id (report-formats.ts). */
  download(id: string): void;
}

/** The report's toolbar: back to the run, print, and a download per report format. */
export function reportToolbar(t: Translate, actions: ReportToolbarActions): HTMLElement {
  const toolbar = h(
    'div',
    { class: 'report-toolbar no-print' },
    h('button', { data: { action: 'close-report' }, attrs: { type: 'button' }, text: t('signoff.back') }),
    h('button', { data: { action: 'print' }, attrs: { type: 'button' }, text: t('signoff.print') }),
    ...REPORT_FORMATS.map((f) => h('button', { data: { report: f.id }, attrs: { type: 'button' }, text: t(f.label) })),
  );
  toolbar.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button') : null;
    if (!button) return;
    if (button.dataset.action === 'close-report') actions.close();
    else if (button.dataset.action === 'print') window.print();
    else if (button.dataset.report) actions.download(button.dataset.report);
  });
  return toolbar;
}

const HEADINGS = { 1: 'h2', 2: 'h3', 3: 'h4' } as const;

/** The printable report: report-document.ts's blocks as elements, every text set as text. */
export function reportNodes(blocks: readonly ReportBlock[]): HTMLElement[] {
  return blocks.map(reportNode);
}

function reportNode(block: ReportBlock): HTMLElement {
  switch (block.kind) {
    case 'heading':
      return h(HEADINGS[block.level], {
        id: block.level === 1 ? 'report-title' : undefined,
        class: block.className,
        text: block.text,
      });
    case 'facts':
      return h(
        'dl',
        { class: 'report-facts' },
        ...block.rows.map(([label, value]) => h('div', null, h('dt', { text: label }), h('dd', { text: value }))),
      );
    case 'table': {
      const cell = (text: string, column: number) =>
        h('td', null, block.code?.includes(column) ? h('code', { class: 'hash', text }) : text);
      // The table may be wider than a phone's screen: the region that scrolls it takes focus.
      return h(
        'div',
        { class: 'table-wrap', attrs: { role: 'region', tabindex: '0', 'aria-label': block.caption } },
        h(
          'table',
          { class: ['report-table', block.className].filter(Boolean).join(' ') },
          h('caption', { class: 'visually-hidden', text: block.caption }),
          h('thead', null, h('tr', null, ...block.columns.map((c) => h('th', { attrs: { scope: 'col' }, text: c })))),
          h(
            'tbody',
            null,
            ...block.rows.map((r) => h('tr', null, ...r.map(cell))),
            block.total ? h('tr', null, ...block.total.map((c) => h('td', null, h('strong', { text: c })))) : null,
          ),
        ),
      );
    }
    case 'list':
      return h(
        'ul',
        null,
        ...block.items.map((item) =>
          item.done === undefined
            ? h('li', { text: item.text })
            : h(
                'li',
                { data: { done: String(item.done) } },
                h('span', { attrs: { 'aria-hidden': 'true' }, text: item.done ? '☑' : '☐' }),
                ` ${item.text}`,
              ),
        ),
      );
    case 'paragraph':
      return h('p', { class: block.className, text: block.text });
    case 'decision':
      return h(
        'p',
        { class: 'report-decision', data: { decision: block.decision ?? '' } },
        h('strong', { text: block.text }),
      );
    case 'code':
      return h('p', null, `${block.label} `, h('code', { class: block.className, text: block.code }));
    case 'section':
      return h('section', { class: block.className }, ...reportNodes(block.blocks));
    case 'evidence':
      return evidenceReportNode(block);
  }
}
