/**
 * A company's strategic processes, kept in the browser: the catalogue processes it usually
 * re-checks (`picks`) and its own processes. Exported and imported as the file the CLI reads
 * with `roadbook checklist --processes file.yml` (content-format.md, `processes.yml`): a YAML
 * list whose items are a catalogue id, or a process `{ id, label, modules, steps }`.
 *
 * The file is written with the `yaml` package and read with its failsafe schema (every value
 * stays the text it was written as, as the CLI reads it); a list field may be one value. The
 * package is loaded on first use, so pages that never import or export do not carry it.
 */
import { isValidId, slugifyStep } from '../items.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import type { Choice, Locale, Process } from '../model.ts';

export interface CompanyProcesses {
  /** Catalogue process ids the company re-checks after every upgrade (pre-selected). */
  picks: string[];
  processes: Process[];
}

export function emptyCompanyProcesses(): CompanyProcesses {
  return { picks: [], processes: [] };
}

export interface ProcessDraft {
  /** Empty: made from the label. */
  id: string;
  label: string;
  modules: string[];
  /** One step per line; blank lines are ignored. */
  steps: string;
}

export interface ProcessProblem {
  field: 'id' | 'label' | 'modules' | 'steps';
  message: string;
}

export interface ProcessContext {
  catalogue: readonly Process[];
  /** roadbook's modules (an empty list accepts any module). */
  modules: readonly Choice[];
  /** The company's other processes (the one being edited left out). */
  others: readonly Process[];
}

/** A process from the page's form, or what is wrong with it. */
export function processFromDraft(
  draft: ProcessDraft,
  context: ProcessContext,
  locale: Locale,
): { ok: true; process: Process } | { ok: false; problems: ProcessProblem[] } {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const problems: ProcessProblem[] = [];
  const label = draft.label.trim();
  if (!label) problems.push({ field: 'label', message: t('processes.problem.label') });
  const taken = new Set([...context.catalogue.map((p) => p.id), ...context.others.map((p) => p.id)]);
  let id = draft.id.trim();
  if (!id && label) {
    const base = slugifyStep(label);
    id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  }
  if (!isValidId(id)) problems.push({ field: 'id', message: t('processes.problem.id', { id }) });
  else if (context.catalogue.some((p) => p.id === id))
    problems.push({ field: 'id', message: t('processes.problem.catalogueId', { id }) });
  else if (context.others.some((p) => p.id === id))
    problems.push({ field: 'id', message: t('processes.problem.duplicate', { id }) });
  const unknown = context.modules.length ? draft.modules.filter((m) => !context.modules.some((c) => c.id === m)) : [];
  if (unknown.length)
    problems.push({ field: 'modules', message: t('processes.problem.module', { modules: unknown.join(', ') }) });
  const steps = draft.steps
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (steps.length === 0) problems.push({ field: 'steps', message: t('processes.problem.steps') });
  if (problems.length) return { ok: false, problems };
  return { ok: true, process: { id, label, modules: [...new Set(draft.modules)], steps } };
}

/** The file, in the format `roadbook checklist --processes` reads. */
export async function companyProcessesText(
  library: CompanyProcesses,
  meta: { product: string },
  locale: Locale,
): Promise<string> {
  const { stringify } = await import('yaml');
  const list = [
    ...library.picks,
    ...library.processes.map((p) => ({ id: p.id, label: p.label, modules: [...p.modules], steps: [...p.steps] })),
  ];
  const header = translate(locale, 'processes.fileHeader', { product: meta.product })
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  const body = list.length ? stringify(list, { lineWidth: 0 }) : '[]\n';
  return `${header}\n${body}`;
}

const LIST_FIELDS = ['modules', 'steps'] as const;

/** Reads such a file: every problem listed (with the item it is in), or the processes. */
export async function parseCompanyProcessesText(
  text: string,
  context: Pick<ProcessContext, 'catalogue' | 'modules'>,
  locale: Locale,
): Promise<{ ok: true; picks: string[]; processes: Process[] } | { ok: false; errors: string[] }> {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length)
    return {
      ok: false,
      errors: doc.errors.map((e) => t('processes.file.yaml', { reason: e.message.split('\n')[0]! })),
    };
  let value: unknown;
  try {
    // Aliases could expand without bound: refused, as in content files.
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return {
      ok: false,
      errors: [t('processes.file.yaml', { reason: error instanceof Error ? error.message : String(error) })],
    };
  }
  if (!Array.isArray(value)) return { ok: false, errors: [t('processes.file.notList')] };
  const errors: string[] = [];
  const picks: string[] = [];
  const processes: Process[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, index) => {
    const where = (id?: string) => t('processes.file.item', { n: index + 1, id: id ?? '' });
    if (typeof item === 'string') {
      const id = item.trim();
      if (!context.catalogue.some((p) => p.id === id))
        errors.push(`${where(id)} ${t('processes.file.unknownPick', { id })}`);
      else if (!picks.includes(id)) picks.push(id);
      return;
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push(`${where()} ${t('processes.file.notMapping')}`);
      return;
    }
    const map = item as Record<string, unknown>;
    const field = (name: string) => (Object.hasOwn(map, name) ? map[name] : undefined);
    const lists: Record<(typeof LIST_FIELDS)[number], string[] | null> = { modules: [], steps: [] };
    for (const name of LIST_FIELDS) {
      const raw = field(name);
      const list = raw === undefined || raw === null || raw === '' ? [] : Array.isArray(raw) ? raw : [raw];
      lists[name] = list.every((s) => typeof s === 'string') ? (list as string[]) : null;
    }
    const id = typeof field('id') === 'string' ? (field('id') as string).trim() : '';
    const label = typeof field('label') === 'string' ? (field('label') as string) : '';
    const problems: string[] = [];
    if (lists.modules === null) problems.push(t('processes.file.listOfText', { field: 'modules' }));
    if (lists.steps === null) problems.push(t('processes.file.listOfText', { field: 'steps' }));
    if (!id) problems.push(t('processes.problem.id', { id: '' }));
    if (problems.length) {
      errors.push(`${where(id)} ${problems.join(' ')}`);
      return;
    }
    const checked = processFromDraft(
      { id, label, modules: lists.modules!.map((m) => m.trim()), steps: lists.steps!.join('\n') },
      { ...context, others: processes },
      locale,
    );
    if (!checked.ok) errors.push(`${where(id)} ${checked.problems.map((p) => p.message).join(' ')}`);
    else if (seen.has(id)) errors.push(`${where(id)} ${t('processes.problem.duplicate', { id })}`);
    else {
      seen.add(id);
      processes.push(checked.process);
    }
  });
  if (errors.length) return { ok: false, errors };
  if (picks.length === 0 && processes.length === 0) return { ok: false, errors: [t('processes.file.empty')] };
  return { ok: true, picks, processes };
}

/** An imported process whose id is already here with other content: the tester chooses. */
export interface ProcessConflict {
  id: string;
  here: Process;
  incoming: Process;
}

function sameProcess(a: Process, b: Process): boolean {
  return JSON.stringify([a.label, a.modules, a.steps]) === JSON.stringify([b.label, b.modules, b.steps]);
}

/** The imported processes that would replace a different one here (identical ones are no question). */
export function processConflicts(library: CompanyProcesses, incoming: CompanyProcesses): ProcessConflict[] {
  return incoming.processes.flatMap((p) => {
    const here = library.processes.find((q) => q.id === p.id);
    return here && !sameProcess(here, p) ? [{ id: p.id, here, incoming: p }] : [];
  });
}

/**
 * Adds imported processes: a process with an id already here replaces it, unless its id is in
 * `keep` (the tester chose to keep the one here); picks are added.
 */
export function mergeCompanyProcesses(
  library: CompanyProcesses,
  incoming: CompanyProcesses,
  keep: ReadonlySet<string> = new Set(),
): { library: CompanyProcesses; added: string[]; replaced: string[]; kept: string[]; picked: string[] } {
  const processes = [...library.processes];
  const added: string[] = [];
  const replaced: string[] = [];
  const kept: string[] = [];
  for (const p of incoming.processes) {
    const at = processes.findIndex((q) => q.id === p.id);
    if (at >= 0 && keep.has(p.id)) {
      kept.push(p.id);
    } else if (at >= 0) {
      processes[at] = p;
      replaced.push(p.id);
    } else {
      processes.push(p);
      added.push(p.id);
    }
  }
  const picked = incoming.picks.filter((id) => !library.picks.includes(id));
  return { library: { picks: [...library.picks, ...picked], processes }, added, replaced, kept, picked };
}
