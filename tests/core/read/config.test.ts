import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../src/core/diagnostics.ts';
import { defaultConfig, normaliseBase, parseConfig } from '../../../src/core/read/config.ts';
import { parseProcesses } from '../../../src/core/read/processes.ts';

function config(text: string) {
  const diagnostics = new DiagnosticList();
  const value = parseConfig(text, 'content/roadbook.yml', diagnostics);
  return { value, diagnostics: diagnostics.items.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`) };
}

describe('roadbook.yml', () => {
  it('applies the defaults of the contract', () => {
    const { value, diagnostics } = config('product: Gestan\n');
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({
      product: 'Gestan',
      title: 'Road book Gestan',
      locale: 'fr',
      base: '/',
      modules: null,
      editions: [],
      verifyHeadings: ['Vérifications', 'Vérification', 'Verification', 'Checks'],
      requireVerify: ['nouveaute', 'evolution', 'correction'],
    });
    expect(value.types.map((t) => t.label)).toEqual(['Nouveauté', 'Évolution', 'Correction', 'Sécurité', 'Technique']);
  });

  it('reads versioning: roadbook by default, semver when set, and refuses anything else', () => {
    expect(config('product: Gestan\n').value.versioning).toBe('roadbook');
    expect(config('versioning: semver\n').value.versioning).toBe('semver');
    const wrong = config('versioning: calver\n');
    expect(wrong.diagnostics).toEqual(['1:13 error invalid-value']);
    expect(wrong.value.versioning).toBe('roadbook');
  });

  it('labels the default types in English with locale en', () => {
    expect(config('locale: en').value.types.map((t) => t.label)).toContain('Fix');
  });

  it('reads closed lists written as mappings or as plain ids', () => {
    const { value } = config(
      'modules:\n  - { id: facturation, label: Facturation }\n  - stocks\neditions: entreprise\n',
    );
    expect(value.modules).toEqual([
      { id: 'facturation', label: 'Facturation' },
      { id: 'stocks', label: 'stocks' },
    ]);
    expect(value.editions).toEqual([{ id: 'entreprise', label: 'entreprise' }]);
  });

  it.each([
    ['locale: de', ['1:9 error invalid-value']],
    ['thème: sombre', ['1:1 warning unknown-key']],
    ['modules: [a, b, a]', ['1:17 error duplicate-choice-id']],
    ['modules: [Paie, b, paie]', ['1:11 error case-collision', '1:20 error case-collision']],
    ['editions:\n  - { id: PME, label: PME }\n  - pme.', ['2:11 error case-collision', '3:5 error case-collision']],
    ['types: [Correction, correction]', ['1:9 error case-collision', '1:21 error case-collision']],
    ['requireVerify: [bugfix]', ['1:17 error unknown-type']],
    ['base: "a b"', ['1:7 error invalid-value']],
    ['site: docs.example.com', ['1:7 error invalid-value']],
  ])('%j is reported', (text, expected) => {
    expect(config(text).diagnostics).toEqual(expected);
  });

  it('suggests the key that was meant', () => {
    const diagnostics = new DiagnosticList();
    parseConfig('prodcut: Gestan\n', 'content/roadbook.yml', diagnostics);
    expect(diagnostics.items[0]?.message).toContain('did you mean `product`');
  });

  it.each([
    ['', '/'],
    ['/', '/'],
    ['docs', '/docs/'],
    ['/docs/roadbook', '/docs/roadbook/'],
  ])('base %j is %j', (base, expected) => {
    expect(normaliseBase(base)).toBe(expected);
  });
});

describe('processes.yml', () => {
  const modules = { ...defaultConfig(), modules: [{ id: 'facturation', label: 'Facturation' }] };

  it('reads processes, a single step as a list', () => {
    const diagnostics = new DiagnosticList();
    const processes = parseProcesses(
      '- id: cloture\n  label: Clôture\n  modules: facturation\n  steps: Clôturer le mois\n',
      'p.yml',
      modules,
      diagnostics,
    );
    expect(diagnostics.items).toEqual([]);
    expect(processes).toEqual([
      { id: 'cloture', label: 'Clôture', modules: ['facturation'], steps: ['Clôturer le mois'] },
    ]);
  });

  it('reports duplicate ids, unknown modules and missing steps', () => {
    const diagnostics = new DiagnosticList();
    parseProcesses(
      '- id: a\n  label: A\n  modules: [paie]\n  steps: [x]\n- id: a\n  label: B\n  steps: [y]\n- id: c\n  label: C\n',
      'p.yml',
      modules,
      diagnostics,
    );
    expect(diagnostics.items.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '3:13 unknown-module',
      '5:7 duplicate-process-id',
      '8:3 missing-field',
    ]);
  });
});

describe('a long base', () => {
  const segment = 'a'.repeat(1 << 16);

  it('is refused when one character is wrong, without trying every way to cut it', () => {
    expect(config(`base: "/${segment}/${segment}!"`).diagnostics).toEqual(['1:7 error invalid-value']);
    expect(config(`base: "/${segment}/${segment}/"`).diagnostics).toEqual([]);
  });

  it('loses its slashes at both ends however many there are', () => {
    const slashes = '/'.repeat(1 << 20);
    expect(normaliseBase(`${slashes}roadbook${slashes}`)).toBe('/roadbook/');
  });
});
