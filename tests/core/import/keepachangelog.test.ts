/**
 * The Keep a Changelog importer on excerpts of real changelogs (commander.js,
 * eslint-plugin-react, keep-a-changelog itself) and on a file written for the styles the
 * excerpts do not show (tests/fixtures/import/).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../src/core/diagnostics.ts';
import { readTypeMap } from '../../../src/core/import/changelog-sections.ts';
import { planFromKeepAChangelog } from '../../../src/core/import/keepachangelog.ts';
import { ImportInputError, type ImportPlan } from '../../../src/core/import/plan.ts';
import { defaultConfig } from '../../../src/core/read/config.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
const config = defaultConfig('en');

function plan(name: string, options: { unreleased?: string; typeMap?: string } = {}): ImportPlan {
  let typeMap;
  if (options.typeMap) {
    const diagnostics = new DiagnosticList();
    typeMap = readTypeMap(options.typeMap, 'map.yml', config, diagnostics) ?? undefined;
    expect(diagnostics.items).toEqual([]);
  }
  return planFromKeepAChangelog({
    text: fixture(name),
    config,
    module: 'core',
    unreleased: options.unreleased ?? null,
    typeMap,
  });
}

const versionAt = (p: ImportPlan, version: string) => p.versions.find((v) => v.version === version)!;
const entriesOf = (p: ImportPlan, version: string) => p.entries.filter((e) => e.version === version);
const entryTitled = (p: ImportPlan, title: string) => p.entries.find((e) => e.title === title)!;

describe('commander.js', () => {
  const p = plan('commander.md');

  it('reads every heading style of the file, pre-releases included, in document order', () => {
    expect(p.versions.map((v) => [v.version, v.date, v.status])).toEqual([
      ['15.0.0', '2026-05-29', 'published'],
      ['15.0.0-0', '2026-02-22', 'published'],
      ['4.0.0-1', '2019-10-08', 'published'],
      ['4.0.0-0', '2019-10-01', 'published'],
      ['3.0.2', '2019-09-27', 'published'],
      ['3.0.1', '2019-08-30', 'published'],
      ['3.0.0', '2019-08-08', 'published'],
      ['3.0.0-0', '2019-07-28', 'published'],
      ['2.20.1', '2019-09-29', 'published'],
      ['2.7.1', '2015-03-11', 'published'],
    ]);
    expect(p.skipped).toEqual([]);
  });

  it('maps Added, Fixed, Changed, Deleted and Changes to types, one entry per top-level bullet', () => {
    expect(entriesOf(p, '15.0.0').map((e) => [e.type, e.line])).toEqual([
      ['nouveaute', 22],
      ['correction', 26],
      ['correction', 27],
      ['evolution', 31],
      ['evolution', 32],
      ['evolution', 33],
      ['evolution', 37],
    ]);
    expect(entryTitled(p, 'removed deprecated export of commander/esm.mjs').tags).toEqual(['removed']);
  });

  it('marks *Breaking:* and **Breaking** as breaking and strips the marker from the title', () => {
    const esm = entryTitled(p, 'migrated Commander implementation from CommonJS to ESM');
    expect(esm.breaking).toBe(true);
    expect(esm.body).toMatch(/^\*Breaking:\* migrated/);
    expect(entryTitled(p, 'Change TypeScript to use overloaded function for .command').breaking).toBe(true);
    expect(entryTitled(p, 'Add parent command as prefix of subcommand in help').breaking).toBe(false);
  });

  it('resolves the link references defined at the bottom and reads #123 as tickets', () => {
    const entry = entryTitled(p, 'show excess command-arguments in error message');
    expect(entry.tickets).toEqual(['2384']);
    expect(entry.body).toBe(
      'show excess command-arguments in error message ([#2384](https://github.com/tj/commander.js/pull/2384))',
    );
    const revert = p.entries.find((e) => e.version === '2.7.1')!;
    expect(revert.tickets).toEqual(['347', '367']);
  });

  it('gives bullets directly under a version the default type and keeps nested items in the body', () => {
    const fix = entryTitled(p, 'Fix behavior of --no-* options');
    expect(fix.type).toBe('evolution');
    expect(fix.tickets).toEqual(['795', '987']);
    expect(fix.body).toContain(
      '\n\n- can now define both `--foo` and `--no-foo`\n- **Breaking** custom event listeners',
    );
    expect(entriesOf(p, '3.0.0')).toHaveLength(13);
  });

  it('makes text before the first section and Migration Tips the introduction', () => {
    const intro = versionAt(p, '15.0.0').intro;
    expect(intro).toMatch(/^Commander 15 is ESM only\./);
    expect(intro).toContain('\n\n## Migration Tips\n\nCommander 15 is ESM only, but');
    // A relative link into commander's repository keeps its text only.
    expect(intro).toContain('For more info see Release Policy.');
    expect(versionAt(p, '3.0.0').intro).toContain("```js\nprogram\n  .option('--no-foo')");
    expect(versionAt(p, '15.0.0-0').intro).toBe('(Released as 15.0.0)');
    expect(p.notes.join('\n')).toMatch(/^1 links or images pointed into the changelog's own repository/);
  });
});

describe('eslint-plugin-react', () => {
  it('reports Unreleased without --unreleased, and reads `* ` bullets and `[#123][]` references', () => {
    const p = plan('eslint-plugin-react.md');
    expect(p.skipped).toEqual([expect.objectContaining({ line: 9, what: 'Unreleased' })]);
    expect(p.versions.map((v) => [v.version, v.date])).toEqual([['7.37.5', '2025-04-03']]);
    const entry = entryTitled(p, 'no-unknown-property: allow shadow root attrs on <template>');
    expect(entry.tickets).toEqual(['3912']);
    // The rule's link points into the repository (docs/rules/…): its text stays, the link goes.
    expect(entry.body).toBe(
      '`no-unknown-property`: allow shadow root attrs on `<template>` ([#3912](https://github.com/jsx-eslint/eslint-plugin-react/issues/3912) @ljharb)',
    );
  });

  it('imports Unreleased as a draft of the version --unreleased names', () => {
    const p = plan('eslint-plugin-react.md', { unreleased: '7.38.0' });
    expect(versionAt(p, '7.38.0')).toMatchObject({ date: null, status: 'draft', line: 9 });
    expect(entriesOf(p, '7.38.0').map((e) => e.type)).toEqual([
      'nouveaute',
      'nouveaute',
      'nouveaute',
      'correction',
      'correction',
    ]);
    expect(p.skipped).toEqual([]);
  });
});

describe('keep-a-changelog', () => {
  const p = plan('keep-a-changelog.md');

  it('joins wrapped lines into one title and keeps the whole bullet as the body', () => {
    const entry = p.entries.find((e) => e.title.startsWith('Retired the tagline'))!;
    expect(entry.breaking).toBe(true);
    expect(entry.title).toBe(
      'Retired the tagline "Don\'t let your friends dump git logs into changelogs" for "Clearly document the evolution of your…',
    );
    expect(entry.title.length).toBeLessThan(120);
    expect(entry.body).toMatch(/^\*\*Breaking:\*\* Retired the tagline "Don't let your friends dump git logs into\n/);
    const guidance = p.entries.find((e) => e.title === 'New guidance answering long-standing community questions')!;
    expect(guidance.body).toContain('\n\n- Format: the `# Changelog` header preamble;');
  });

  it('keeps the paragraph under the version heading as its introduction', () => {
    expect(versionAt(p, '2.0.0').intro).toMatch(/^2\.0\.0 is the first major revision of Keep a Changelog\./);
    expect(p.skipped.map((s) => s.what)).toEqual(['Unreleased']);
  });
});

describe('standard-version', () => {
  const p = plan('standard-version.md');

  it('reads versions written a level up (majors) or down (patches), and conventional-changelog sections', () => {
    expect(p.versions.map((v) => v.version)).toEqual([
      '9.5.0',
      '9.4.0',
      '9.3.2',
      '9.3.1',
      '9.3.0',
      '9.2.0',
      '5.0.2',
      '5.0.1',
      '5.0.0',
      '4.4.0',
    ]);
    expect(p.skipped).toEqual([]);
    expect(entriesOf(p, '9.3.2').map((e) => [e.type, e.title])).toEqual([
      ['correction', 'deps: update dependency conventional-changelog-conventionalcommits to v4.6.1'],
    ]);
    expect(entriesOf(p, '5.0.0').map((e) => [e.type, e.breaking])).toEqual([
      ['correction', false],
      ['correction', false],
      ['correction', false],
      ['technique', false],
      ['nouveaute', false],
      ['nouveaute', false],
      ['nouveaute', false],
      ['nouveaute', false],
      ['evolution', true],
      ['evolution', true],
    ]);
  });

  it('drops the empty anchors between versions and the commit references after a title', () => {
    expect(p.versions.every((v) => v.intro === '')).toBe(true);
    expect(entryTitled(p, 'bin now enforces Node.js > 4').tickets).toEqual(['274']);
  });
});

describe('line endings and byte order mark', () => {
  it('reads a CRLF file with a BOM as the same changelog', () => {
    const text = fixture('styles.md');
    const windows = planFromKeepAChangelog({
      text: `\uFEFF${text.replace(/\n/g, '\r\n')}`,
      config,
      module: 'core',
      unreleased: '4.0.0',
    });
    expect(windows).toEqual(plan('styles.md', { unreleased: '4.0.0' }));
  });
});

describe('every other style', () => {
  const p = plan('styles.md', { unreleased: '4.0.0' });

  it('reads French sections, [YANKED], dates that are missing or do not exist', () => {
    expect(p.versions.map((v) => [v.version, v.date, v.status])).toEqual([
      ['4.0.0', null, 'draft'],
      ['3.0.0', '2024-06-01', 'withdrawn'],
      ['2.1.0-rc.1', '2024-05-02', 'published'],
      ['v2.0.0', '2024-03-15', 'published'],
      ['1.5.0', '2023-12-01', 'published'],
      ['1.4.0', null, 'draft'],
      ['1.3.0', null, 'draft'],
      ['1.0.0', '2022-01-10', 'published'],
    ]);
    expect(entriesOf(p, '2.1.0-rc.1').map((e) => [e.type, e.tags])).toEqual([
      ['nouveaute', []],
      ['nouveaute', []],
      ['evolution', []],
      ['evolution', []],
      ['evolution', []],
      ['evolution', ['deprecated']],
      ['evolution', ['removed']],
      ['correction', []],
    ]);
    expect(entryTitled(p, 'Chiffrement des sauvegardes')).toMatchObject({ type: 'securite', tickets: ['41'] });
  });

  it('reads every breaking marker, and only markers', () => {
    const breaking = Object.fromEntries(entriesOf(p, '2.1.0-rc.1').map((e) => [e.title, e.breaking]));
    expect(breaking).toMatchObject({
      'le format des numéros de facture change': true,
      'remplacement du moteur PDF': true,
      'the --legacy flag is gone': true,
      'Breaking changes to the documentation are listed in the guide': false,
      'Relance automatique des impayés': false,
    });
  });

  it('maps English variants and keeps a sub-heading as a tag', () => {
    expect(entriesOf(p, 'v2.0.0').map((e) => [e.title, e.type])).toEqual([
      ['Dark mode', 'nouveaute'],
      ['Crash on empty customer name', 'correction'],
      ['The sync command', 'evolution'],
      ['Node 16 support', 'evolution'],
      ['Update the XML parser (CVE-2024-0001)', 'securite'],
      ['Faster start-up', 'evolution'],
      ['Accept BOM-prefixed files', 'evolution'],
      ['Login loop behind proxies', 'correction'],
      ['The old --quiet option', 'evolution'],
    ]);
    expect(entryTitled(p, 'Accept BOM-prefixed files').tags).toEqual(['parser']);
    expect(versionAt(p, 'v2.0.0').intro).toBe('## Migration Tips\n\nRun `migrate --all` once.');
    expect(versionAt(p, '2.1.0-rc.1').intro).toBe(
      'Version candidate : à installer sur une copie de la base.\n\n## Notes\n\nLa migration prend environ dix minutes par dossier.',
    );
  });

  it('reports what it does not import, with the line and why, and guesses nothing', () => {
    expect(p.skipped.map((s) => [s.line, s.what])).toEqual([
      [90, '### Glossary'],
      [107, '2023-02-30'],
      [111, '## Older releases'],
    ]);
    expect(p.skipped[0]!.why).toMatch(/maps to no type: name its type in --type-map/);
    expect(p.skipped[2]!.why).toMatch(/^not a version heading/);
    expect(p.entries.some((e) => e.title.includes('Nothing here'))).toBe(false);
    expect(p.entries.some((e) => e.title.includes('no table knows'))).toBe(false);
  });

  it('drops links and images into the changelog repository to their text', () => {
    expect(entryTitled(p, 'First release, see the guide and logo').body).toBe('First release, see the guide and logo');
  });

  it('lets --type-map name sections, introductions and the default type', () => {
    const mapped = plan('styles.md', {
      typeMap:
        'sections:\n  Glossary: technique\n  Features: evolution\nintroduction: [Sécurité]\ndefault: correction\n',
    });
    expect(mapped.skipped.map((s) => s.what)).not.toContain('### Glossary');
    expect(entryTitled(mapped, 'A section no table knows').type).toBe('technique');
    expect(entryTitled(mapped, 'Dark mode').type).toBe('evolution');
    expect(entryTitled(mapped, 'Old-style bullet directly under the version').type).toBe('correction');
    expect(mapped.entries.some((e) => e.title === 'Chiffrement des sauvegardes')).toBe(false);
    expect(versionAt(mapped, '3.0.0').intro).toBe('## Sécurité\n\n- Chiffrement des sauvegardes (#41)');
  });
});

describe('bad input', () => {
  it('refuses a file without any version heading, at its first heading', () => {
    const run = () =>
      planFromKeepAChangelog({ text: 'Intro\n\n# Notes\n\n- one\n', config, module: 'core', unreleased: null });
    expect(run).toThrow(ImportInputError);
    expect(run).toThrow(/not a Keep a Changelog file/);
    try {
      run();
    } catch (error) {
      expect((error as ImportInputError).line).toBe(3);
    }
  });

  it('reports a type map that names an unknown type or key, at the value', () => {
    const diagnostics = new DiagnosticList();
    const map = readTypeMap('sections:\n  Added: feature\nfoo: 1\n', 'map.yml', config, diagnostics);
    expect(map).toBeNull();
    expect(diagnostics.items.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      '3:1 warning unknown-key',
      '2:10 error unknown-type',
    ]);
  });
});
