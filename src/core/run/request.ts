/**
 * The path of an upgrade or of a run in a page address, so it can be shared:
 * `?from=15.1.0&to=15.3.0&modules=facturation,ventes&editions=entreprise&processes=inventaire`.
 * Lists are comma-separated (a repeated parameter is read too). Processes travel by id: a
 * company's own process is looked up in the company's list of the browser that opens the
 * address.
 */
import type { ChecklistRequest } from '../checklist/types.ts';
import { labelOf } from '../i18n/labels.ts';
import type { Choice, Process } from '../model.ts';
import { listParam } from './list-param.ts';
import type { PathRequest, RunRequest } from './types.ts';

/** What an address asks for; null when it names no target version. */
export function requestFromParams(params: URLSearchParams): PathRequest | null {
  const to = params.get('to')?.trim();
  if (!to) return null;
  const from = params.get('from')?.trim() || null;
  return {
    from,
    to,
    modules: listParam(params, 'modules'),
    editions: listParam(params, 'editions'),
    processes: listParam(params, 'processes'),
  };
}

export function processId(process: string | Process): string {
  return typeof process === 'string' ? process : process.id;
}

/** The address parameters of a path (empty lists are left out); `${params}` is its query. */
export function requestToParams(
  request: Omit<RunRequest, 'processes'> & { processes?: readonly (string | Process)[] },
): URLSearchParams {
  const params = new URLSearchParams();
  if (request.from) params.set('from', request.from);
  params.set('to', request.to);
  if (request.modules.length) params.set('modules', request.modules.join(','));
  if (request.editions.length) params.set('editions', request.editions.join(','));
  const processes = (request.processes ?? []).map(processId);
  if (processes.length) params.set('processes', processes.join(','));
  return params;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));

/** Two requests for the same path (lists compared as sets, processes by id). */
export function sameRequest(a: RunRequest, b: RunRequest): boolean {
  return (
    (a.from ?? null) === (b.from ?? null) &&
    a.to === b.to &&
    sameSet(a.modules, b.modules) &&
    sameSet(a.editions, b.editions) &&
    sameSet(a.processes.map(processId), b.processes.map(processId))
  );
}

/** What the engine is asked for a run. */
export function checklistRequest(request: RunRequest): ChecklistRequest {
  return {
    from: request.from,
    to: request.to,
    modules: [...request.modules],
    editions: [...request.editions],
    processes: request.processes.map((p) =>
      typeof p === 'string' ? p : { ...p, modules: [...p.modules], steps: [...p.steps] },
    ),
  };
}

/**
 * Resolves process ids of an address: a catalogue id stays an id, a company process becomes
 * its definition (the run keeps a snapshot), an id known to neither is returned in `unknown`.
 */
export function resolveProcessIds(
  ids: readonly string[],
  catalogue: readonly Process[],
  company: readonly Process[],
): { processes: (string | Process)[]; unknown: string[] } {
  const processes: (string | Process)[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    if (catalogue.some((p) => p.id === id)) processes.push(id);
    else {
      const own = company.find((p) => p.id === id);
      if (own) processes.push({ id: own.id, label: own.label, modules: [...own.modules], steps: [...own.steps] });
      else unknown.push(id);
    }
  }
  return { processes, unknown };
}

/** The run a path asks for: its process ids resolved as `resolveProcessIds` does. */
export function resolveRequest(
  asked: PathRequest,
  catalogue: readonly Process[],
  company: readonly Process[],
): { request: RunRequest; unknown: string[] } {
  const { processes, unknown } = resolveProcessIds(asked.processes, catalogue, company);
  return { request: { ...asked, processes }, unknown };
}

/** "15.1.0 → 15.3.0 · Facturation, Ventes": a run's default name. */
export function defaultRunName(
  request: Pick<RunRequest, 'from' | 'to' | 'modules'>,
  modules: readonly Choice[],
): string {
  const path = request.from ? `${request.from} → ${request.to}` : request.to;
  if (request.modules.length === 0) return path;
  const labels = request.modules.map((id) => labelOf(modules, id));
  return `${path} · ${labels.join(', ')}`;
}
