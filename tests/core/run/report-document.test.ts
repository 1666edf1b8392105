import { describe, expect, it } from 'vitest';
import type { ReportBlock } from '../../../src/core/run/report-blocks.ts';
import { reportDocument } from '../../../src/core/run/report-document.ts';
import { signOffMarkdown } from '../../../src/core/run/signoff-markdown.ts';
import { signOffReport } from '../../../src/core/run/signoff.ts';
import { checklist, PATH_ENTRY_IDS, procedure } from './fixture.ts';

const c = checklist();
const p = procedure(c);
const report = signOffReport({
  checklist: c,
  procedure: p,
  results: {
    'gone-entry#1': {
      status: 'failed',
      comment: 'Écart `code`',
      tester: 'Marie',
      time: '2026-05-21T10:00:00.000Z',
      hash: 'x',
    },
  },
  form: {
    environment: 'SRV-RECETTE',
    place: 'Lyon',
    date: '2026-05-22',
    testers: 'Marie',
    decision: 'accepted',
    parties: [{ role: 'Direction', name: 'Jean Martin' }],
    notes: '',
  },
  pathEntryIds: PATH_ENTRY_IDS,
  now: new Date('2026-05-22T16:00:00.123Z'),
});
const doc = reportDocument(report, { time: (iso) => `<${iso}>`, date: (d) => `le ${d}` });

function flat(blocks: readonly ReportBlock[]): ReportBlock[] {
  return blocks.flatMap((b) => (b.kind === 'section' ? [b, ...flat(b.blocks)] : [b]));
}
const blocks = flat(doc.blocks);
const headings = blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));

describe('the sign-off report document', () => {
  it('says when the report was made, with the caller’s time format', () => {
    const facts = blocks.find((b) => b.kind === 'facts');
    expect(facts?.kind === 'facts' && facts.rows.at(-1)).toEqual(['PV établi le', '<2026-05-22T16:00:00.123Z>']);
  });

  it('lists results that belong to no item with their tester, time and reason', () => {
    const orphans = blocks.find((b) => b.kind === 'table' && b.className === 'report-orphans');
    expect(orphans?.kind).toBe('table');
    if (orphans?.kind !== 'table') return;
    expect(orphans.columns).toHaveLength(6);
    expect(orphans.rows).toEqual([
      ['gone-entry#1', 'KO', 'Écart `code`', 'Marie', '<2026-05-21T10:00:00.000Z>', expect.any(String)],
    ]);
  });

  it('formats the sign-off date as the caller asks', () => {
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'Fait à Lyon, le le 2026-05-22.', className: undefined });
  });

  it('is what the Markdown writes: every heading, in the same order', () => {
    const md = signOffMarkdown(report);
    const written = [...md.matchAll(/^#{1,3} (.*)$/gm)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
    expect(written).toEqual(headings);
  });
});
