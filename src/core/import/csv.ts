/**
 * The CSV importer's entry points (see CsvImportInput in plan.ts). This build does not read
 * CSV yet: both functions refuse with a message the command prints as it is.
 */

import type { Diagnostic } from '../diagnostics.ts';
import { ImportInputError, type CsvImportInput, type ImportPlan } from './plan.ts';

const NOT_AVAILABLE = 'Importing CSV is not available in this version of roadbook';

export function planFromCsv(input: CsvImportInput): ImportPlan {
  throw new ImportInputError(`${NOT_AVAILABLE} (${input.file})`, 1);
}

export function readCsvMap(_text: string, file: string): { map: unknown; diagnostics: Diagnostic[] } {
  throw new ImportInputError(`${NOT_AVAILABLE} (${file})`, 1);
}
