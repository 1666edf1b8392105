/**
 * The browser runs core's checklist engine, exporters and run model as they are: every core
 * module the site's scripts reach, through static or lazy imports, must use no Node API and
 * import only libraries that run in browsers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const CORE = join(SRC, 'core');

/** The libraries core may use in the browser (each has a browser build). */
const BROWSER_LIBRARIES = [
  'csv-stringify/browser/esm/sync',
  'exceljs',
  'fast-xml-parser',
  'fflate',
  'semver/classes/semver.js',
  'semver/functions/parse.js',
  'yaml',
  'zod/mini',
];

function specifiers(source: string): string[] {
  return [
    ...source.matchAll(/^import\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gms),
    ...source.matchAll(/^export\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?)\s*from\s*['"]([^'"]+)['"]/gms),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...source.matchAll(/^import\s*['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]!);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** The core modules reachable from the site's scripts. */
function reachedCore(): string[] {
  const seen = new Set<string>();
  const todo = tsFiles(join(SRC, 'scripts'));
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const s of specifiers(readFileSync(file, 'utf8'))) {
      if (!s.startsWith('.')) continue;
      const target = resolve(dirname(file), s);
      if (existsSync(target)) todo.push(target);
    }
  }
  return [...seen].filter((f) => f.startsWith(CORE)).sort();
}

describe('core in the browser', () => {
  const files = reachedCore();

  it.each(files.map((f) => [relative(CORE, f), f]))('%s uses no Node API and only browser libraries', (_n, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/from\s+['"]node:|import\(\s*['"]node:|\brequire\(/);
    expect(source).not.toMatch(
      /\bBuffer\.|\bprocess\.(?:env|argv|cwd|exit|stdout|stderr|platform)\b|__dirname|import\.meta\.dirname/,
    );
    for (const name of specifiers(source).filter((s) => !s.startsWith('.'))) expect(BROWSER_LIBRARIES).toContain(name);
  });

  it('covers the checklist engine, every exporter and the run model', () => {
    for (const dir of ['checklist', 'export', 'run']) {
      const all = tsFiles(join(CORE, dir));
      expect(all.filter((f) => !files.includes(f)).map((f) => relative(CORE, f))).toEqual([]);
    }
  });
});
