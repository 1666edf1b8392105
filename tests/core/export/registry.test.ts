import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportChecklist, exportFileName, exportFormat } from '../../../src/core/export/index.ts';
import { exportJson } from '../../../src/core/export/json.ts';
import { translate } from '../../../src/core/i18n.ts';
import { exportedChecklist, RESULTS } from '../../fixtures/checklist/run.ts';

const checklist = exportedChecklist();

describe('JSON export', () => {
  it('is exactly the checklist object', () => {
    const text = exportJson(checklist);
    expect(JSON.parse(text)).toEqual(checklist);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).not.toHaveProperty('results');
  });

  it('adds the results under `results` when given', () => {
    const value = JSON.parse(exportJson(checklist, RESULTS));
    expect(value.results).toEqual(RESULTS);
    const { results: _results, ...rest } = value;
    expect(rest).toEqual(checklist);
  });
});

describe('export formats', () => {
  it('lists every format once, in the order offered', () => {
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(['csv', 'xlsx', 'md', 'json', 'testrail', 'xray', 'azure']);
    const extensions = EXPORT_FORMATS.map((f) => f.extension);
    expect(new Set(extensions).size).toBe(extensions.length);
    for (const f of EXPORT_FORMATS) {
      expect(translate('fr', f.label)).not.toBe(f.label);
      expect(translate('en', f.label)).not.toBe(f.label);
    }
  });

  it.each(EXPORT_FORMATS.map((f) => [f.id, f] as const))('%s returns what the registry says', async (_id, format) => {
    const data = await format.export(checklist, RESULTS);
    expect(data instanceof Uint8Array).toBe(format.binary);
    if (!format.binary) expect(typeof data).toBe('string');
    expect(data.length).toBeGreaterThan(100);
  });

  it('names files after the product and the path', async () => {
    expect(exportFileName(checklist, exportFormat('csv')!)).toBe('gestan-15.2.0-16.0.0.csv');
    expect(exportFileName({ product: 'Gestán Pro', from: null, to: '15.30.02/DU3' }, exportFormat('testrail')!)).toBe(
      'gestan-pro-15.30.02-DU3.testrail.xml',
    );
    const result = await exportChecklist('xray', checklist);
    expect(result.fileName).toBe('gestan-15.2.0-16.0.0.xray.csv');
    expect(result.mimeType).toBe('text/csv;charset=utf-8');
    await expect(exportChecklist('pdf' as 'csv', checklist)).rejects.toThrow(
      /csv, xlsx, md, json, testrail, xray, azure/,
    );
  });
});

describe('browser safety', () => {
  const root = join(import.meta.dirname, '../../../src/core');
  const files = ['checklist', 'export'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, dir, f)),
  );

  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s imports no Node module', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/from\s+['"]node:/);
    expect(source).not.toMatch(/import\(\s*['"]node:/);
    expect(source).not.toMatch(/\brequire\(/);
    expect(source).not.toMatch(
      /\bBuffer\.|\bprocess\.(?:env|argv|cwd|exit|stdout|stderr|platform)\b|__dirname|import\.meta\.dirname/,
    );
    // Bare imports only of libraries that run in browsers.
    const specifiers = [
      ...source.matchAll(/^import\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gms),
      ...source.matchAll(/^export\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?)\s*from\s*['"]([^'"]+)['"]/gms),
      ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
      ...source.matchAll(/^import\s*['"]([^'"]+)['"]/gm),
    ].map((m) => m[1]!);
    const bare = specifiers.filter((s) => !s.startsWith('.'));
    for (const name of bare) expect(['csv-stringify/browser/esm/sync', 'fast-xml-parser', 'exceljs']).toContain(name);
  });

  it('checks every module of both folders', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
  });
});
