/**
 * What a run transition asks the page to do, as data: the transition decides, the page
 * performs (writes with its store, speaks through its alerts, updates the address, repaints
 * its panels). Tests read effects as they read state.
 */
import type { MessageKey } from '../i18n/translate.ts';
import type { SignOffProblem } from './signoff-problems.ts';

/** A text for people: a message key of src/i18n and its parameters, translated by the page. */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * The parts of the page a transition may have made out of date: the run list, the run's
 * header, its items, the results without an item, the sign-off form, the saved state line,
 * the path form (whether the open run's path can be changed), the team run's assignments.
 */
export type Panel = 'runs' | 'header' | 'items' | 'orphans' | 'signoff' | 'saved-state' | 'path' | 'assign';

/** What an alert offers besides closing it: keep a run deleted elsewhere, go to an item. */
export type Offer = { kind: 'keep-run'; run: string } | { kind: 'reveal'; item: string };

export type RunEffect =
  /** Write run `run` as it now is (the store tells the other tabs once written). */
  | { type: 'save'; run: string }
  /** Remove run `run` from storage and stop writing it; the page reports the outcome (`runRemoved`). */
  | { type: 'remove'; run: string }
  /** Say something politely (the status line): the messages, one after the other. */
  | { type: 'announce'; messages: Message[] }
  /** Say something that needs the tester: an alert, replacing the one of the same `code`. */
  | { type: 'alert'; code: string; message: Message; offer?: Offer }
  | { type: 'clear-alert'; code: string }
  /** The address names the open run from now on (replaced); null: the page with no run (a new entry). */
  | { type: 'address'; run: string | null }
  /** Open run `run` (a new address entry). */
  | { type: 'open'; run: string }
  /** Repaint `panels`; `items`: only those rows of the item list (every row when absent). */
  | { type: 'render'; panels: Panel[]; items?: string[] }
  /** Show the sign-off report view. */
  | { type: 'report' }
  /** Show why the sign-off is refused. */
  | { type: 'refused'; problems: SignOffProblem[] };

export function render(panels: Panel[], items?: string[]): RunEffect {
  return items ? { type: 'render', panels, items } : { type: 'render', panels };
}

export function announce(key: MessageKey, params?: Message['params']): RunEffect {
  return { type: 'announce', messages: [params ? { key, params } : { key }] };
}
