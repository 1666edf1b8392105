/**
 * Every export format, described once: the CLI (`--format`) and the checklist page (its
 * download buttons) offer this list, in this order, and call the same functions. Each
 * format's module is loaded when the format is first used, so a page that offers the list
 * carries none of the writers (nor csv-stringify, fast-xml-parser or exceljs) until a
 * download is asked for.
 */
import type { RunResults } from '../checklist/progress.ts';
import { arrangeChecklist } from '../checklist/risk.ts';
import type { Checklist } from '../checklist/types.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { slugify } from '../slug.ts';
import { urlSafeVersion } from '../versions.ts';
import type { ExportOptions } from './labels.ts';

export type ExportFormatId = 'csv' | 'xlsx' | 'md' | 'json' | 'testrail' | 'xray' | 'azure';

export type ExportOutput = string | Uint8Array;

export type Exporter = (checklist: Checklist, results?: RunResults, options?: ExportOptions) => Promise<ExportOutput>;

export interface ExportFormat {
  id: ExportFormatId;
  /** Interface label, in src/i18n. */
  label: MessageKey;
  /** What follows the file's base name (`csv`, `testrail.xml`): distinct per format, so files never collide. */
  extension: string;
  mimeType: string;
  /** True: the output is bytes, to be written as they are. False: text, to be written as UTF-8. */
  binary: boolean;
  /** Loads the format's module and runs its pure function (`exportCsv`, `exportXlsx`, …). */
  export: Exporter;
}

/**
 * A format's function run on the checklist as the options arrange it (`order: 'risk'`,
 * `minimum`): the one place downloads are ordered and filtered, whichever format.
 */
function arranged(run: Exporter): Exporter {
  return (checklist, results, options) => run(arrangeChecklist(checklist, options), results, options);
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'csv',
    label: 'export.format.csv',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    binary: true,
    export: arranged(async (c, r, o) => (await import('./csv.ts')).exportCsv(c, r, o)),
  },
  {
    id: 'xlsx',
    label: 'export.format.xlsx',
    extension: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    binary: true,
    export: arranged(async (c, r, o) => (await import('./xlsx.ts')).exportXlsx(c, r, o)),
  },
  {
    id: 'md',
    label: 'export.format.md',
    extension: 'md',
    mimeType: 'text/markdown;charset=utf-8',
    binary: false,
    export: arranged(async (c, r, o) => (await import('./markdown.ts')).exportMarkdown(c, r, o)),
  },
  {
    id: 'json',
    label: 'export.format.json',
    extension: 'json',
    mimeType: 'application/json',
    binary: false,
    export: arranged(async (c, r, o) => (await import('./json.ts')).exportJson(c, r, o)),
  },
  {
    id: 'testrail',
    label: 'export.format.testrail',
    extension: 'testrail.xml',
    mimeType: 'application/xml',
    binary: false,
    export: arranged(async (c, r, o) => (await import('./testrail.ts')).exportTestRail(c, r, o)),
  },
  {
    id: 'xray',
    label: 'export.format.xray',
    extension: 'xray.csv',
    mimeType: 'text/csv;charset=utf-8',
    binary: false,
    export: arranged(async (c, r, o) => (await import('./xray.ts')).exportXray(c, r, o)),
  },
  {
    id: 'azure',
    label: 'export.format.azure',
    extension: 'azure.csv',
    mimeType: 'text/csv;charset=utf-8',
    binary: false,
    export: arranged(async (c, r, o) => (await import('./azure.ts')).exportAzure(c, r, o)),
  },
];

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

/** `gestan-15.1.0-15.3.0.csv`, `gestan-15.3.0.testrail.xml`: safe in any file system and URL. */
export function exportFileName(
  checklist: Pick<Checklist, 'product' | 'from' | 'to'>,
  format: Pick<ExportFormat, 'extension'>,
): string {
  const product = slugify(checklist.product) || 'checklist';
  const versions = [checklist.from, checklist.to].filter((v): v is string => v !== null).map(urlSafeVersion);
  return `${[product, ...versions].join('-')}.${format.extension}`;
}

/** Runs one format: its output, file name and type, ready to write or download. */
export async function exportChecklist(
  id: ExportFormatId,
  checklist: Checklist,
  results?: RunResults,
  options?: ExportOptions,
): Promise<{ data: ExportOutput; fileName: string; mimeType: string; format: ExportFormat }> {
  const format = exportFormat(id);
  if (!format) throw new Error(`Unknown export format "${id}": use ${EXPORT_FORMATS.map((f) => f.id).join(', ')}`);
  const data = await format.export(checklist, results, options);
  return { data, fileName: exportFileName(checklist, format), mimeType: format.mimeType, format };
}

export type { ExportOptions } from './labels.ts';
