/**
 * The company's processes as kept in the browser's storage (format roadbook-company-processes),
 * read like a saved run: never throws, says what is wrong.
 */
import { translate } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';
import type { CompanyProcesses } from './company-processes.ts';
import { FORMAT_VERSION, issuePath, PROCESSES_FORMAT, storedProcessesSchema } from './schema.ts';
import type { Parsed, RunScope } from './types.ts';

export function serializeCompanyProcesses(library: CompanyProcesses, scope: RunScope): string {
  return JSON.stringify({
    format: PROCESSES_FORMAT,
    version: FORMAT_VERSION,
    product: scope.product,
    base: scope.base,
    picks: library.picks,
    processes: library.processes,
  });
}

export function parseStoredProcesses(
  text: string,
  scope: RunScope,
  locale: Locale,
): Parsed<{ library: CompanyProcesses }> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'not-json', message: translate(locale, 'run.error.notJson', { reason }) } };
  }
  const parsed = storedProcessesSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid', message: translate(locale, 'run.error.invalid', { reason: issuePath(parsed.error) }) },
    };
  }
  if (parsed.data.product !== scope.product) {
    return {
      ok: false,
      error: {
        code: 'other-product',
        message: translate(locale, 'run.error.otherProduct', { found: parsed.data.product, expected: scope.product }),
      },
    };
  }
  return { ok: true, library: { picks: parsed.data.picks, processes: parsed.data.processes } };
}
