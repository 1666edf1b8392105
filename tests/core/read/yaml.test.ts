import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../src/core/diagnostics.ts';
import { readFrontMatter } from '../../../src/core/read/front-matter.ts';
import { readYaml } from '../../../src/core/read/yaml.ts';

function read(text: string) {
  const diagnostics = new DiagnosticList();
  const yaml = readYaml(text, 'f.yml', diagnostics);
  return { yaml, diagnostics: diagnostics.items.map((d) => `${d.line}:${d.column} ${d.code}`) };
}

describe('YAML values keep the text they were written as', () => {
  it.each([
    ['version: 14.10', { version: '14.10' }],
    ['tickets: [2026, 0042]', { tickets: ['2026', '0042'] }],
    ['flag: true', { flag: 'true' }],
    ['n: 0x1F', { n: '0x1F' }],
    ['date: 2026-10-14', { date: '2026-10-14' }],
    ["quoted: '15.10'", { quoted: '15.10' }],
    ['empty:', { empty: null }],
    ['folded: >-\n  a\n  b', { folded: 'a b' }],
  ])('%j', (text, value) => {
    expect({ ...(read(text).yaml!.value as object) }).toEqual(value);
  });

  it('never lets a key change the prototype', () => {
    const { yaml } = read('__proto__: { polluted: true }\nconstructor: x');
    const value = yaml!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('YAML problems', () => {
  it.each([
    ['title: [unclosed\nb: 1', ['1:8 yaml-syntax']],
    ['title: "unclosed\nb: 1\nc: 2', ['1:8 yaml-syntax']],
    ["a: 1\ntitle: 'it''s\nb: 1", ['2:8 yaml-syntax']],
    ['m: {a: 1\nc: 1', ['1:4 yaml-syntax']],
    ['m: [a, [b, c]\nc: 1', ['1:4 yaml-syntax']],
    ['m: [a, "b]\nc: 1', ['1:8 yaml-syntax']],
    ['a: "x"\nb: c: d', ['2:4 yaml-syntax']],
    ['modules:\n\t- a', ['2:1 yaml-tab-indent']],
    ['title: a\ntitle: b', ['2:1 yaml-duplicate-key']],
    ['a: &x 1\nb: *x', ['1:4 yaml-alias', '2:4 yaml-alias']],
  ])('%j', (text, expected) => {
    const result = read(text);
    expect(result.yaml).toBeNull();
    expect(result.diagnostics).toEqual(expected);
  });

  it('says which quote or bracket is left open', () => {
    const diagnostics = new DiagnosticList();
    readYaml('title: "Arrondi\nb: 1', 'f.yml', diagnostics);
    expect(diagnostics.items.map((d) => d.message)).toEqual([
      'The quote `"` opened here is never closed; add the `"` where the value ends',
    ]);
  });

  it('points into the file when the YAML is front matter', () => {
    const diagnostics = new DiagnosticList();
    const front = readFrontMatter('---\ntitle: x\nversion: 14.10\n---\n\nBody\n', 'e.md', diagnostics);
    expect(front?.yaml?.at(['version'])).toEqual({ line: 3, column: 10 });
    expect(front?.yaml?.keyAt(['version'])).toEqual({ line: 3, column: 1 });
    expect(front?.bodyLine).toBe(5);
    expect(front?.body).toBe('\nBody\n');
  });
});

describe('front matter', () => {
  const cases: [string, string, string[]][] = [
    ['no front matter at all', 'Just a body\n', []],
    ['empty front matter', '---\n---\nBody', []],
    ['unclosed', '---\ntitle: x\nbody\n', ['1:1 front-matter-unclosed']],
    ['another language', '---json\n{"a":1}\n---\n', ['1:4 front-matter-language']],
    ['JavaScript is never run', '---js\n{ a: globalThis.pwned = 1 }\n---\n', ['1:4 front-matter-language']],
    ['a list', '---\n- a\n---\n', ['2:1 front-matter-not-mapping']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const diagnostics = new DiagnosticList();
    readFrontMatter(text, 'e.md', diagnostics);
    expect(diagnostics.items.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(expected);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});
