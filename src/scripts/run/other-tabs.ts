/**
 * What another tab wrote, taken in: the company's processes (the path form's choices redrawn,
 * the boxes ticked kept), and runs — merged into the open one, taken as they are otherwise
 * (core/run/sync.ts's mergeFromTab). A value that cannot be read is left to the tab that
 * wrote it.
 */
import type { Locale } from '../../core/model.ts';
import { parseSavedRun } from '../../core/run/saved.ts';
import { mergeFromTab } from '../../core/run/sync.ts';
import type { RunScope } from '../../core/run/types.ts';
import type { ProcessesUi } from './processes-ui.ts';
import type { RunController } from './run-controller.ts';
import type { RunStore } from './store.ts';
import type { StoredChange } from './tab-channel.ts';

export interface OtherTabsContext {
  store: RunStore;
  controller: RunController;
  processes: ProcessesUi;
  /** The path form, whose ticked processes stay ticked. */
  form: HTMLFormElement;
  scope: RunScope;
  locale: Locale;
}

/** Takes in, from now on, what the other tabs write. */
export function followOtherTabs(c: OtherTabsContext): void {
  c.store.onChange((change) => void takeIn(change, c));
}

async function takeIn(change: StoredChange, c: OtherTabsContext): Promise<void> {
  const { store } = c;
  if (change.key === store.processesKey) {
    const library = await store.loadProcesses();
    if (!library.problem) {
      c.processes.library = library.library;
      c.processes.renderChoices(
        [...c.form.querySelectorAll<HTMLInputElement>('input[name="processes"]:checked')].map((b) => b.value),
      );
    }
    return;
  }
  const id = store.isRunKey(change.key);
  if (!id) return;
  const theirs = change.value === null ? null : parseSavedRun(change.value, c.scope, c.locale);
  if (theirs && !theirs.ok) return;
  if (theirs) store.noteSeen(change.key, change.value);
  // Another tab changed a run: the open one merges it in, the others take it.
  await c.controller.apply((s) => mergeFromTab(s, { run: id, theirs: theirs ? theirs.run : null }));
}
