/**
 * <rb-team>: the team run of the open run. For everyone, each tester's progress and the items
 * to settle (assign-progress.ts); for the lead, the form that gives a tester their part
 * (assign-form.ts; core's `assign` transition) and who has what, with each assignment's file
 * and link (assign-split.ts). A tester's own copy of a run (opened from an assignment) shows
 * their progress, not the form. Repainted within a frame of the changes that concern it.
 */
import { resultOf } from '../../core/checklist/progress.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { Choice, Locale } from '../../core/model.ts';
import { assign, unassign } from '../../core/run/assign-edit.ts';
import type { Panel } from '../../core/run/effects.ts';
import type { RunState, Transition } from '../../core/run/run-state.ts';
import type { RunScope } from '../../core/run/types.ts';
import { filterFromParams, matchesFilter } from '../../core/run/view.ts';
import { part } from '../lib/dom.ts';
import { fillAssignChoices, readAssignForm, typedIds } from './assign-form.ts';
import { conflictItems, renderTeamProgress } from './assign-progress.ts';
import { AssignmentMaker, renderSplit, wireSplit, type SplitContext } from './assign-split.ts';
import type { RunSession } from './session.ts';

export interface TeamContext {
  t: Translate;
  locale: Locale;
  scope: RunScope;
  modules: readonly Choice[];
  apply: (transition: (state: RunState) => Transition) => void;
  session: () => RunSession | null;
  /** Brings an item into view. */
  reveal: (item: string) => void;
  info: (text: string) => void;
  /** The filters of the item list (what "the items shown" means). */
  filters: () => HTMLFormElement;
}

export class TeamPanel extends HTMLElement {
  private c!: TeamContext;
  private readonly maker = new AssignmentMaker();
  /** The run the form's choices were drawn for. */
  private choicesOf: RunSession | null = null;
  private queued = false;
  /** Whether the repaint queued redraws the assignments too, not only the progress. */
  private whole = false;
  private lastConflict: string | null = null;

  connect(c: TeamContext): void {
    this.c = c;
    const form = part<HTMLFormElement>(this, 'assign-form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit(form);
    });
    part(this, 'assign-shown').addEventListener('click', () => this.addShown(form));
    part(this, 'team-next-conflict').addEventListener('click', () => this.nextConflict());
    wireSplit(this, c.session, this.maker, this.splitContext());
  }

  private splitContext(): SplitContext {
    const c = this.c;
    return {
      t: c.t,
      locale: c.locale,
      scope: c.scope,
      modules: c.modules,
      page: () => `${location.origin}${location.pathname}`,
      remove: (tester: string) => c.apply((s) => unassign(s, { tester, time: new Date().toISOString() })),
      info: c.info,
    };
  }

  /**
   * Repaints within a frame (many changes in a frame: once). `panels`: what a transition made
   * out of date; results alone (a status click) repaint the progress, not the assignments.
   */
  queue(panels?: ReadonlySet<Panel>): void {
    this.whole ||= !panels || panels.has('assign') || panels.has('header');
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => {
      const whole = this.whole;
      this.queued = false;
      this.whole = false;
      const session = this.c.session();
      if (whole || this.choicesOf !== session) this.render();
      else if (session) renderTeamProgress(this, session, this.c.t);
    });
  }

  render(): void {
    const session = this.c.session();
    if (!session) return;
    if (this.choicesOf !== session) {
      this.choicesOf = session;
      fillAssignChoices(this, session, this.c.modules, this.c.t);
      this.lastConflict = null;
    }
    renderTeamProgress(this, session, this.c.t);
    // A tester's copy of the run is theirs to run, not to share out again; a read-only run is not changed.
    part(this, 'assign').hidden = !!session.run.assignment || !!session.readOnly;
    renderSplit(this, session, this.maker, this.splitContext());
  }

  private submit(form: HTMLFormElement): void {
    const session = this.c.session();
    if (!session) return;
    const read = readAssignForm(form, session, this.c.t);
    const problem = part(this, 'assign-problem');
    problem.textContent = read.ok ? '' : read.message;
    if (!read.ok) return;
    this.c.apply((s) => assign(s, { assignment: read.assignment, time: new Date().toISOString() }));
    form.reset();
  }

  /** Adds the ids of the items the list's filter shows to the typed ones. */
  private addShown(form: HTMLFormElement): void {
    const session = this.c.session();
    if (!session) return;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(this.c.filters())) params.append(name, String(value));
    const filter = filterFromParams(params);
    const shown = session.view.items
      .filter((i) => matchesFilter(i, resultOf(session.run.results, i.id), filter))
      .map((i) => i.id);
    const field = form.elements.namedItem('items') as HTMLTextAreaElement;
    field.value = [...new Set([...typedIds(field.value), ...shown])].join('\n');
  }

  /** Goes to the conflict after the last one gone to (the first after the last). */
  private nextConflict(): void {
    const session = this.c.session();
    if (!session) return;
    const conflicts = conflictItems(session);
    if (!conflicts.length) return;
    const at = this.lastConflict ? conflicts.indexOf(this.lastConflict) : -1;
    const next = conflicts[(at + 1) % conflicts.length]!;
    this.lastConflict = next;
    this.c.reveal(next);
  }
}

if (!customElements.get('rb-team')) customElements.define('rb-team', TeamPanel);
