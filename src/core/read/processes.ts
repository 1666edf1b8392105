import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { Process, RoadBookConfig } from '../model.ts';
import { FILE_START, type DiagnosticList } from '../diagnostics.ts';
import { id, identifierList, list, text } from './fields.ts';
import { at, checkMapping, type Located } from './schema-check.ts';
import { decodeTextFile } from './text-file.ts';
import { isPlainMap, readYaml } from './yaml.ts';
import { checkChoices } from './choices.ts';

export const PROCESSES_FILE = 'content/processes.yml';

/** One process of processes.yml (a list of them), as `check` reads it. */
export const processSchema = z.object({
  id,
  label: text,
  modules: identifierList(text).optional(),
  steps: list(text, 1),
});

/** Reads the optional catalogue of strategic processes. */
export async function readProcesses(
  root: string,
  config: RoadBookConfig,
  diagnostics: DiagnosticList,
): Promise<Process[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(root, PROCESSES_FILE));
  } catch {
    return [];
  }
  const source = decodeTextFile(bytes, PROCESSES_FILE, diagnostics);
  return source === null ? [] : parseProcesses(source, PROCESSES_FILE, config, diagnostics);
}

export function parseProcesses(
  source: string,
  file: string,
  config: RoadBookConfig,
  diagnostics: DiagnosticList,
): Process[] {
  return parseProcessList(source, file, config, diagnostics, false) as Process[];
}

/**
 * A company's own file of processes (`roadbook checklist --processes`, and the file the
 * checklist page exports): the same shape as processes.yml, where an item may also be just
 * the id of a process of the catalogue, picked as it is.
 */
export function parseCompanyProcesses(
  source: string,
  file: string,
  config: RoadBookConfig,
  diagnostics: DiagnosticList,
): (string | Process)[] {
  return parseProcessList(source, file, config, diagnostics, true);
}

function parseProcessList(
  source: string,
  file: string,
  config: RoadBookConfig,
  diagnostics: DiagnosticList,
  picks: boolean,
): (string | Process)[] {
  const yaml = readYaml(source, file, diagnostics);
  if (!yaml || yaml.value === null) return [];
  if (!Array.isArray(yaml.value)) {
    diagnostics.error('wrong-type', file, FILE_START, `${file} must be a list of processes (\`- id: …\`)`);
    return [];
  }
  const where: Located = { file, yaml, diagnostics };
  const processes: (string | Process)[] = [];
  const seen = new Set<string>();
  yaml.value.forEach((item, index) => {
    if (picks && typeof item === 'string') {
      processes.push(item);
      return;
    }
    if (!isPlainMap(item)) {
      diagnostics.error(
        'wrong-type',
        file,
        at(where, [index]),
        'Each process must be a mapping with `id`, `label`, `modules` and `steps`',
      );
      return;
    }
    const raw = checkMapping(processSchema, item, where, [index]);
    if (!raw) return;
    if (seen.has(raw.id)) {
      diagnostics.error(
        'duplicate-process-id',
        file,
        at(where, [index, 'id']),
        `Another process already has the id "${raw.id}"`,
      );
      return;
    }
    seen.add(raw.id);
    const modules = raw.modules ?? [];
    checkChoices('modules', modules, config.modules, where, [index, 'modules'], 'unknown-module');
    processes.push({ id: raw.id, label: raw.label, modules, steps: raw.steps });
  });
  return processes;
}
