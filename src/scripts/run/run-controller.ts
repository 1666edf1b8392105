/**
 * The one holder of the checklist page's runs: it keeps core's run state (core/run/run-state.ts),
 * applies transitions to it and performs their effects — writes and removals with the store
 * (which tells the other tabs), alerts and the status line, and, through `RunPage`, the
 * address and the panels. Nothing else in the page changes a run: panels read the state and
 * ask for transitions.
 */
import type { RunEffect, Message, Offer, Panel } from '../../core/run/effects.ts';
import { runRemoved } from '../../core/run/library.ts';
import { newRevision } from '../../core/run/merge-results.ts';
import type { EditStamp } from '../../core/run/record.ts';
import { findRun, initialState, openRun, type RunState, type Transition } from '../../core/run/run-state.ts';
import type { SignOffProblem } from '../../core/run/signoff-problems.ts';
import { keepRun } from '../../core/run/sync.ts';
import type { SavedRun } from '../../core/run/types.ts';
import type { Alerts } from './alerts.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { RunStore } from './store.ts';

/** What the page does for the controller: the address, opening a run, drawing panels. */
export interface RunPage {
  /** The address names run `run` (replaced), or the page with no run (null: a new entry). */
  address(run: SavedRun | null): void;
  /** Opens run `run` (a new address entry). */
  open(run: SavedRun): void;
  /** Repaints panels (`items`: only those rows). */
  render(panels: ReadonlySet<Panel>, items: string[] | undefined): void;
  report(): void;
  refused(problems: SignOffProblem[]): void;
  /** Brings an item into view. */
  reveal(item: string): void;
}

export class RunController {
  private current: RunState;
  private readonly store: RunStore;
  private readonly alerts: Alerts;
  private readonly t: Translate;
  private view: RunPage | null = null;

  constructor(runs: readonly SavedRun[], store: RunStore, alerts: Alerts, t: Translate) {
    this.current = initialState(runs);
    this.store = store;
    this.alerts = alerts;
    this.t = t;
    store.readFrom((id) => (openRun(this.current)?.id === id ? openRun(this.current)! : findRun(this.current, id)));
  }

  /** The page's view, once its panels exist. */
  attach(view: RunPage): void {
    this.view = view;
  }

  get state(): RunState {
    return this.current;
  }

  /** The open run (null when none). */
  get run(): SavedRun | null {
    return openRun(this.current);
  }

  /** The time and a fresh revision for an edit made now. */
  stamp(): EditStamp {
    return { time: new Date().toISOString(), rev: newRevision() };
  }

  /** Applies a transition and performs its effects; resolves once the effects that wait (a removal) are done. */
  apply(transition: (state: RunState) => Transition): Promise<void> {
    const { state, effects } = transition(this.current);
    this.current = state;
    return this.perform(effects);
  }

  private async perform(effects: readonly RunEffect[]): Promise<void> {
    const panels = new Set<Panel>();
    let items: Set<string> | null = new Set();
    const waits: Promise<void>[] = [];
    for (const effect of effects) {
      switch (effect.type) {
        case 'save':
          this.store.track(effect.run);
          break;
        case 'remove':
          waits.push(this.remove(effect.run));
          break;
        case 'announce':
          this.alerts.info(effect.messages.map((m) => this.text(m)).join(' '));
          break;
        case 'alert':
          this.alerts.error(this.text(effect.message), effect.offer ? [this.action(effect.offer)] : [], effect.code);
          break;
        case 'clear-alert':
          this.alerts.clear(effect.code);
          break;
        case 'address': {
          const run = effect.run === null ? null : (this.runById(effect.run) ?? null);
          if (effect.run === null || run) this.view?.address(run);
          break;
        }
        case 'open': {
          const run = this.runById(effect.run);
          if (run) this.view?.open(run);
          break;
        }
        case 'render':
          for (const panel of effect.panels) panels.add(panel);
          // Rows: the union of those named; every row as soon as one effect names none.
          if (effect.panels.includes('items')) {
            if (!effect.items) items = null;
            else for (const id of effect.items) items?.add(id);
          }
          break;
        case 'report':
          this.view?.report();
          break;
        case 'refused':
          this.view?.refused(effect.problems);
          break;
      }
    }
    if (panels.size) this.view?.render(panels, items ? [...items] : undefined);
    await Promise.all(waits);
  }

  private runById(id: string): SavedRun | undefined {
    return openRun(this.current)?.id === id ? openRun(this.current)! : findRun(this.current, id);
  }

  private text(message: Message): string {
    return this.t(message.key, message.params);
  }

  private action(offer: Offer): { label: string; run: () => void } {
    if (offer.kind === 'reveal')
      return { label: this.t('run.sync.conflictShow'), run: () => this.view?.reveal(offer.item) };
    return { label: this.t('run.sync.keep'), run: () => void this.apply((s) => keepRun(s, { run: offer.run })) };
  }

  /** Removes a run from storage; the library forgets it once storage did. */
  private async remove(id: string): Promise<void> {
    this.store.untrack(id);
    const removed = await this.store.removeRun(id);
    if (!removed.ok) {
      this.alerts.error(this.t('run.storage.full', { reason: removed.reason }), [], 'storage-full');
      return;
    }
    await this.apply((state) => runRemoved(state, { run: id }));
  }
}
