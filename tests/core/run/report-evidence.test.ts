import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../src/core/run/evidence.ts';
import { reportDocument } from '../../../src/core/run/report-document.ts';
import { signOffMarkdown } from '../../../src/core/run/signoff-markdown.ts';
import { signOffReport, type ReportInput } from '../../../src/core/run/signoff.ts';
import { checklist, PATH_ENTRY_IDS, procedure } from './fixture.ts';

const c = checklist();
const [failed, passed] = c.items;
const file = (id: string, name: string, sha: string): Attachment => ({
  id,
  name,
  type: name.endsWith('.png') ? 'image/png' : 'text/plain',
  size: 1234,
  sha256: sha.repeat(64),
  added: '2026-05-21T10:00:00.000Z',
});
const shot = file('a1', 'écran | facture.png', 'a');
const log = file('a2', 'trace.log', 'b');
const input: ReportInput = {
  checklist: c,
  procedure: procedure(c),
  results: {
    [failed!.id]: { status: 'failed', comment: 'Total faux', evidence: [shot] },
    [passed!.id]: { status: 'passed', evidence: [log] },
  },
  form: {
    environment: 'SRV-RECETTE',
    place: 'Lyon',
    date: '2026-05-22',
    testers: 'Marie',
    decision: 'reserves',
    parties: [{ role: 'Direction', name: 'Jean Martin' }],
    notes: '',
  },
  pathEntryIds: PATH_ENTRY_IDS,
  now: new Date('2026-05-22T16:00:00.000Z'),
  runId: 'run-1',
};
const report = signOffReport(input);

describe('evidence in the sign-off report', () => {
  it('carries each item’s files and the run they are kept with', () => {
    expect(report.runId).toBe('run-1');
    expect(report.reserves.map((i) => [i.id, i.evidence])).toEqual([[failed!.id, [shot]]]);
    const items = report.groups.flatMap((g) => g.items);
    expect(items.find((i) => i.id === passed!.id)?.evidence).toEqual([log]);
    expect(items.filter((i) => i.evidence).length).toBe(2);
  });

  it('shows thumbnails of failed and blocked items only, and lists every file with its hash', () => {
    const { blocks } = reportDocument(report, { time: (iso) => iso });
    const thumbnails = blocks.filter((b) => b.kind === 'evidence');
    expect(thumbnails).toEqual([
      {
        kind: 'evidence',
        caption: 'Pièces jointes des éléments en échec ou bloqués',
        run: 'run-1',
        product: c.product,
        items: [{ id: failed!.id, text: `${failed!.id} — ${failed!.step}`, files: [shot] }],
      },
    ]);
    const table = blocks.find((b) => b.kind === 'table' && b.className === 'report-evidence');
    expect(table?.kind === 'table' && table.rows).toEqual([
      [failed!.id, 'écran | facture.png', 'image/png', '1234', 'a'.repeat(64)],
      [passed!.id, 'trace.log', 'text/plain', '1234', 'b'.repeat(64)],
    ]);
  });

  it('writes every attachment with its hash in the Markdown, escaped, and no thumbnail block', () => {
    const md = signOffMarkdown(report);
    expect(md).toContain('## Pièces jointes\n\n| ID | Fichier | Type | Taille (octets) | SHA-256 |');
    expect(md).toContain(`| écran \\| facture.png | image/png | 1234 | ${'a'.repeat(64)} |`);
    expect(md).toContain(`| trace.log | text/plain | 1234 | ${'b'.repeat(64)} |`);
    expect(md).not.toContain('Pièces jointes des éléments');
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('says nothing of evidence when no result has any', () => {
    const plain = signOffReport({ ...input, results: { [failed!.id]: { status: 'failed', comment: 'x' } } });
    const { blocks } = reportDocument(plain, { time: (iso) => iso });
    expect(blocks.some((b) => b.kind === 'evidence' || (b.kind === 'table' && b.className === 'report-evidence'))).toBe(
      false,
    );
    expect(signOffMarkdown(plain)).not.toContain('Pièces jointes');
  });
});
