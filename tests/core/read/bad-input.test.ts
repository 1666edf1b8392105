/**
 * One fixture road book per kind of bad input (tests/fixtures/bad/<case>/content): each must
 * give exactly the diagnostics listed, with file, line, column, severity and code.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';
import { diagnosticsOfFiles, loadFiles } from '../../helpers/road-book-files.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));
const V = 'content/versions/15.3.0';

async function diagnosticsOf(name: string): Promise<string[]> {
  const result = await loadRoadBook(FIXTURES + name);
  return result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
}

const CASES: [string, string[]][] = [
  ['yaml-syntax', [`${V}/GES-1.md:3:8 error yaml-syntax`]],
  ['yaml-tab-indent', [`${V}/GES-1.md:6:1 error yaml-tab-indent`]],
  ['yaml-duplicate-key', [`${V}/GES-1.md:6:1 error yaml-duplicate-key`]],
  ['yaml-alias', [`${V}/GES-1.md:3:8 error yaml-alias`, `${V}/GES-1.md:6:8 error yaml-alias`]],
  ['front-matter-not-mapping', [`${V}/GES-1.md:2:1 error front-matter-not-mapping`]],
  ['front-matter-unclosed', [`${V}/GES-1.md:1:1 error front-matter-unclosed`]],
  ['front-matter-language', [`${V}/GES-1.md:1:4 error front-matter-language`]],
  ['file-encoding', [`${V}/GES-1.md:3:11 error file-encoding`]],
  ['file-empty', [`${V}/GES-1.md:1:1 error file-empty`]],
  ['missing-field', [`${V}/GES-1.md:2:1 error missing-field`]],
  ['wrong-type', [`${V}/GES-1.md:6:3 error wrong-type`]],
  ['invalid-date', [`${V}/index.md:2:7 error invalid-date`, 'content/versions/15.4.0/index.md:2:7 error invalid-date']],
  ['unknown-key', [`${V}/GES-1.md:3:1 warning unknown-key`, `${V}/GES-1.md:7:1 warning unknown-key`]],
  ['unknown-type', [`${V}/GES-1.md:4:7 error unknown-type`]],
  ['unknown-module', [`${V}/GES-1.md:5:24 error unknown-module`]],
  ['unknown-edition', [`${V}/GES-1.md:6:11 error unknown-edition`]],
  ['duplicate-entry-id', ['content/versions/15.4.0/b.md:2:5 error duplicate-entry-id']],
  ['duplicate-item-id', [`${V}/GES-1.md:7:11 error duplicate-item-id`]],
  ['invalid-id', [`${V}/GES-1.md:2:5 error invalid-id`, `${V}/é ticket.md:1:1 error invalid-id`]],
  ['unknown-supersedes', [`${V}/GES-1.md:6:14 error unknown-supersedes`]],
  ['supersedes-later', ['content/versions/15.2.0/GES-1.md:6:13 error supersedes-later']],
  ['version-folder-invalid', ['content/versions/latest/index.md:1:1 error version-folder-invalid']],
  ['version-mismatch', [`${V}/index.md:3:10 error version-mismatch`]],
  [
    'invalid-version',
    [`${V}/index.md:3:14 error invalid-version`, 'content/versions/15.4.0/index.md:3:10 error invalid-version'],
  ],
  ['duplicate-version', [`${V}/index.md:1:1 error duplicate-version`]],
  ['version-date-order', [`${V}/index.md:2:7 warning version-date-order`]],
  ['version-index-missing', [`${V}:1:1 error version-index-missing`]],
  ['unexpected-folder', [`${V}/notes:1:1 error unexpected-folder`]],
  ['missing-date', [`${V}/index.md:1:1 error missing-field`]],
  ['missing-verify', [`${V}/GES-1.md:4:7 warning missing-verify`]],
  ['html-removed', [`${V}/GES-1.md:9:1 warning html-removed`]],
  ['unsafe-link', [`${V}/GES-1.md:7:6 warning unsafe-link`]],
  ['asset-missing', [`${V}/GES-1.md:9:1 error asset-missing`]],
  ['asset-unsafe-svg', [`${V}/assets/bad.svg:1:68 error asset-unsafe-svg`]],
  [
    'asset-svg-xml',
    [
      `${V}/assets/animated.svg:3:37 error asset-unsafe-svg`,
      `${V}/assets/broken.svg:2:31 error asset-invalid-svg`,
      `${V}/assets/entity.svg:2:1 error asset-unsafe-svg`,
      `${V}/assets/html.svg:3:5 error asset-unsafe-svg`,
    ],
  ],
  ['asset-type', [`${V}/assets/notes.txt:1:1 error asset-type`]],
  ['empty-item', [`${V}/GES-1.md:10:1 error empty-item`]],
  ['config', ['content/roadbook.yml:2:9 error invalid-value', 'content/roadbook.yml:3:1 warning unknown-key']],
  [
    'processes',
    ['content/processes.yml:3:13 error unknown-module', 'content/processes.yml:5:7 error duplicate-process-id'],
  ],
  ['content-missing', ['content/versions:1:1 error content-missing']],
  [
    'reserved-id',
    [
      `${V}/GES-1.md:2:5 error reserved-id`,
      `${V}/GES-2.md:2:5 error reserved-id`,
      `${V}/GES-3.md:2:5 error reserved-id`,
      `${V}/INDEX.HTML.md:1:1 error reserved-id`,
      `${V}/checklist.csv.md:1:1 error reserved-id`,
    ],
  ],
  [
    'case-collision',
    [
      `${V}/GES-1.md:2:5 error case-collision`,
      'content/versions/15.4.0/GES-2.md:1:1 error case-collision',
      'content/versions/15.4.0/autre.md:2:5 error case-collision',
      'content/versions/15.4.0/ges-1-reprise.md:2:5 error case-collision',
    ],
  ],
  [
    'case-collision-modules',
    [
      `${V}/GES-1.md:5:11 error case-collision`,
      `${V}/GES-1.md:5:24 error case-collision`,
      `${V}/GES-2.md:5:10 error case-collision`,
      `${V}/GES-3.md:7:5 error case-collision`,
    ],
  ],
  [
    'invisible-step',
    [
      `${V}/GES-1.md:6:5 error empty-item`,
      `${V}/GES-1.md:7:11 error empty-item`,
      `${V}/GES-1.md:13:1 error empty-item`,
      `${V}/GES-1.md:14:1 error empty-item`,
      `${V}/GES-1.md:15:1 error empty-item`,
      `${V}/GES-1.md:17:1 error empty-item`,
    ],
  ],
  ['hidden-files', ['content/versions/.15.4.0:1:1 warning hidden-folder']],
  ['yaml-unclosed-quote', [`${V}/GES-1.md:3:8 error yaml-syntax`]],
  ['file-encoding-utf16', [`${V}/GES-1.md:1:1 error file-encoding`]],
  [
    'number-as-text',
    [
      'content/versions/15.2.0/12.md:4:11 warning number-as-text',
      `${V}/GES-1.md:5:10 warning number-as-text`,
      `${V}/GES-1.md:6:11 warning number-as-text`,
      `${V}/GES-1.md:6:25 warning number-as-text`,
      `${V}/GES-1.md:7:13 warning number-as-text`,
    ],
  ],
  [
    'link-missing',
    [
      `${V}/GES-1.md:7:10 error link-missing`,
      `${V}/GES-1.md:9:58 error link-missing`,
      `${V}/index.md:4:6 error link-missing`,
    ],
  ],
  ['link-to-draft', [`${V}/GES-1.md:7:23 error link-to-draft`, `${V}/index.md:4:12 error link-to-draft`]],
  ['good-bom-crlf', []],
  ['good-single-values', []],
];

describe('every kind of bad input gets one diagnostic where the problem is', () => {
  it.each(CASES)('%s', async (name, expected) => {
    expect(await diagnosticsOf(name)).toEqual(expected);
  });
});

describe('a run reports every problem, not only the first', () => {
  it('finds the problems of several files at once', async () => {
    const result = await loadRoadBook(FIXTURES + 'many');
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      `${V}/a.md:3:7 unknown-type`,
      `${V}/b.md:2:1 missing-field`,
      `${V}/c.md:1:1 file-empty`,
      `${V}/index.md:2:7 invalid-date`,
    ]);
    expect(result.errorCount).toBe(4);
  });
});

describe('values the contract accepts', () => {
  it('keeps the text of values and reads single values as lists', async () => {
    const { book, diagnostics } = await loadRoadBook(FIXTURES + 'good-single-values');
    expect(diagnostics).toEqual([]);
    const entry = book.entries.find((e) => e.id === 'GES-1')!;
    expect(entry).toMatchObject({ modules: ['facturation'], tickets: ['4521'], tags: ['tva'], supersedes: ['GES-0'] });
    expect(book.entries.find((e) => e.id === 'GES-0')?.supersededBy).toEqual(['GES-1']);
    expect(book.versions.find((v) => v.slug === '15.3.0')).toMatchObject({ minimumFrom: '15.0', database: '16' });
  });

  it('reads a BOM and CRLF line endings, and hashes the normalised text', async () => {
    const { book } = await loadRoadBook(FIXTURES + 'good-bom-crlf');
    const entry = book.entries[0]!;
    expect(entry.source.startsWith('---\nid: GES-1\n')).toBe(true);
    expect(entry.tickets).toEqual(['2026']);
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never runs a front matter written in JavaScript', async () => {
    await diagnosticsOf('front-matter-language');
    const { existsSync } = await import('node:fs');
    expect(existsSync('/tmp/roadbook-pwned')).toBe(false);
  });
});

describe('text that shows nothing', () => {
  it('is no expected result, in front matter as in the body', async () => {
    const { book, diagnostics } = await loadFiles({
      [`${V}/index.md`]: '---\ndate: 2026-10-14\n---\n',
      [`${V}/GES-1.md`]: [
        '---',
        'title: Une correction',
        'type: correction',
        'modules: [facturation]',
        'verify:',
        '  - step: Ouvrir la fiche',
        '    expect: "\\u200b\\u00a0"',
        '---',
        '## Vérifications',
        '',
        '- Saisir → \u2060',
        '',
      ].join('\n'),
    });
    expect(diagnostics).toEqual([]);
    expect(book.entries[0]!.items.map((i) => [i.step, i.expect, i.expectHtml])).toEqual([
      ['Ouvrir la fiche', null, null],
      ['Saisir', null, null],
    ]);
  });
});

describe('names a case-insensitive host reads as one', () => {
  it('reports assets that differ only by case at both files', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(
      await diagnosticsOfFiles({
        [`${V}/index.md`]: '---\ndate: 2026-10-14\n---\n',
        [`${V}/assets/Logo.svg`]: svg,
        [`${V}/assets/logo.svg`]: svg,
        [`${V}/assets/logo-2.svg`]: svg,
      }),
    ).toEqual([`${V}/assets/Logo.svg:1:1 error case-collision`, `${V}/assets/logo.svg:1:1 error case-collision`]);
  });
});
