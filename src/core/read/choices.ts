import type { DiagnosticCode } from '../diagnostics.ts';
import type { Choice } from '../model.ts';
import { at, type Located } from './schema-check.ts';
import type { Path } from './yaml.ts';

/**
 * Reports every value of a list field that a closed list of roadbook.yml does not hold
 * (modules, editions, types). With no closed list (`null`), every value is accepted. A single
 * value written alone is found through its parent's position.
 */
export function checkChoices(
  field: string,
  values: readonly string[],
  choices: readonly Choice[] | null,
  where: Located,
  path: Path,
  code: DiagnosticCode,
): boolean {
  if (!choices) return true;
  let ok = true;
  values.forEach((value, i) => {
    if (choices.some((c) => c.id === value)) return;
    ok = false;
    where.diagnostics.error(
      code,
      where.file,
      at(where, [...path, i]),
      `\`${field}\` names "${value}", which roadbook.yml does not list; choose one of ${choices.map((c) => c.id).join(', ')}`,
    );
  });
  return ok;
}
