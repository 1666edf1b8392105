/**
 * Which run the page opens: the one the address names (by id, or by its path — a saved run of
 * that path, else a new one; processes the road book does not know are said), or the one the
 * path form chose (its path applied to the open run when asked, else a saved run of that path
 * or a new one). core's library (core/run/library.ts) decides; this reads the page's inputs.
 */
import type { DataIndex } from '../../core/data-files.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { changePath, newRun, runToOpen, type NewRunStamp } from '../../core/run/library.ts';
import { requestFromParams, resolveRequest, sameRequest } from '../../core/run/request.ts';
import { findRun } from '../../core/run/run-state.ts';
import { newRunId } from '../../core/run/saved.ts';
import type { SavedRun } from '../../core/run/types.ts';
import { readForm } from '../lib/path-form.ts';
import type { Alerts } from './alerts.ts';
import type { ProcessesUi } from './processes-ui.ts';
import type { RunController } from './run-controller.ts';

export interface RunChoiceContext {
  t: Translate;
  alerts: Alerts;
  index: DataIndex;
  controller: RunController;
  processes: ProcessesUi;
}

/** What a new run made now is made of besides its path. */
function newRunStamp(index: DataIndex): NewRunStamp {
  return { id: newRunId(), time: new Date().toISOString(), buildId: index.buildId, modules: index.modules };
}

/** The run the address `params` asks for (none when it names no run nor path). */
export function runFromAddress(params: URLSearchParams, c: RunChoiceContext): SavedRun | undefined {
  const state = c.controller.state;
  const runId = params.get('run');
  const byId = runId ? findRun(state, runId) : undefined;
  const asked = requestFromParams(params);
  if (byId || !asked) return byId;
  const resolved = resolveRequest(asked, c.index.processes, c.processes.own);
  if (resolved.unknown.length)
    c.alerts.error(c.t('run.unknownProcesses', { ids: resolved.unknown.join(', ') }), [], 'unknown-processes');
  return runToOpen(state, { run: null, request: resolved.request }, newRunStamp(c.index)) ?? undefined;
}

/** The run the path form chose (`apply`: its path given to the open, saved run); `saved` when it is kept already. */
export async function runFromForm(
  form: HTMLFormElement,
  apply: boolean,
  c: RunChoiceContext,
): Promise<{ run: SavedRun; saved: boolean }> {
  const choice = readForm(form);
  const { request } = resolveRequest(choice, c.index.processes, c.processes.own);
  void c.processes.rememberPicks(choice.processes);
  const controller = c.controller;
  const current = controller.run;
  if (apply && current && controller.state.open?.saved) {
    const time = new Date().toISOString();
    await controller.apply((s) => changePath(s, { request, time, modules: c.index.modules }));
    return { run: controller.run ?? current, saved: true };
  }
  const match = controller.state.runs.find((r) => sameRequest(r.request, request));
  return { run: match ?? newRun(request, newRunStamp(c.index)), saved: !!match };
}
