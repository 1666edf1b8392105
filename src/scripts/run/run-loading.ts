/**
 * A run's path loaded for the page: the path form set to the run's path, the status line
 * saying it loads, the first rows of a long path as soon as its first version is in
 * (run-preview.ts; the run's display takes them away when it shows the run), then its
 * checklist opened (lib/open-path.ts) and what the page computes from it with core (the
 * procedure steps, the run view) — or, when the path cannot be opened, why, said under the
 * form. A run saved before its target was withdrawn is opened read-only.
 */
import type { DataIndex } from '../../core/data-files.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { Locale } from '../../core/model.ts';
import { procedureItems } from '../../core/run/procedure.ts';
import { checklistRequest, processId } from '../../core/run/request.ts';
import type { SavedRun } from '../../core/run/types.ts';
import { runView } from '../../core/run/view.ts';
import type { DataFiles } from '../lib/data.ts';
import { h, part } from '../lib/dom.ts';
import { openPath } from '../lib/open-path.ts';
import { fillForm } from '../lib/path-form.ts';
import type { ProcessesUi } from './processes-ui.ts';
import { removePreview, showPreview } from './run-preview.ts';
import type { RunSession } from './session.ts';

export interface RunLoadingContext {
  /** The element holding the path form and its status (<rb-run>); its `data-state` says the stage. */
  root: HTMLElement;
  form: HTMLFormElement;
  processes: ProcessesUi;
  t: Translate;
  locale: Locale;
  data: DataFiles;
  index: DataIndex;
}

/** What the page needs to show a run: everything its session holds but the run itself. */
export type LoadedRun = Omit<RunSession, 'run'>;

export type RunLoad =
  | { ok: true; loaded: LoadedRun }
  /** `plan`: the path is not possible; `load`: a data file could not be read (said under the form). */
  | { ok: false; stage: 'plan' | 'load' }
  /** Another run was asked for meanwhile: nothing was shown. */
  | { ok: false; stage: 'stale' };

/** Loads the path of `run` (`saved`: kept in the browser, so opened even once withdrawn); `current` says whether it is still wanted. */
export async function loadRun(
  run: SavedRun,
  saved: boolean,
  current: () => boolean,
  c: RunLoadingContext,
): Promise<RunLoad> {
  const t = c.t;
  const processIds = run.request.processes.map(processId);
  fillForm(c.form, { ...run.request, processes: processIds });
  c.processes.renderChoices(processIds);
  const status = part(c.root, 'path-status');
  const pathError = part(c.root, 'path-error');
  pathError.replaceChildren();
  status.textContent = t('path.loading');
  c.root.dataset.state = 'loading';

  // A run started before its target was withdrawn: shown read-only, never lost.
  const opened = await openPath(c.data, c.index, checklistRequest(run.request), {
    withdrawnTarget: saved,
    preview: ({ checklist }) => {
      if (current()) showPreview(c.root, checklist, c);
    },
  });
  if (!current()) return { ok: false, stage: 'stale' };
  if (!opened.ok) {
    removePreview(c.root);
    status.textContent = '';
    pathError.replaceChildren(
      h('p', {
        class: 'callout callout-error',
        attrs: { role: 'alert' },
        text: t(opened.stage === 'plan' ? 'run.pathError' : 'path.failed', { reason: opened.message }),
      }),
    );
    c.root.dataset.state = 'error';
    return { ok: false, stage: opened.stage };
  }
  const { checklist, entryIds: pathEntryIds } = opened;
  const procedure = procedureItems(checklist, c.locale);
  const view = runView(checklist, procedure);
  const readOnly = opened.withdrawn ? { reason: 'withdrawn' as const, version: opened.withdrawn } : null;
  return { ok: true, loaded: { readOnly, checklist, procedure, view, pathEntryIds } };
}
