import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportChecklist, exportFileName, exportFormat } from '../../../src/core/export/index.ts';
import { exportJson } from '../../../src/core/export/json.ts';
import { translate } from '../../../src/core/i18n/translate.ts';
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
