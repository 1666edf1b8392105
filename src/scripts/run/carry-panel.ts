/**
 * <rb-carry>: starting the open run from earlier runs (checklist.md, "Carrying results over").
 * The tester picks runs kept in this browser (name, path, date, signed off or not) and/or
 * progress files read from disk — read for carrying only, never added to the browser's runs —
 * and asks for the results to be carried over; core's transitions (core/run/carry-results.ts)
 * decide what is taken, save and say so. The panel also says how many results the run holds
 * carried and from which runs, with "Undo all carried results" (after confirming), and handles
 * each row's "Undo carry-over" (the marks: carry-marks.ts). A new run that holds nothing yet
 * opens the panel unfolded; a run open read-only shows only what was carried.
 */
import { carriedSources } from '../../core/run/carry-over.ts';
import {
  carryCandidates,
  carryResults,
  changedSinceCarry,
  undoAllCarriedResults,
  undoCarriedResult,
} from '../../core/run/carry-results.ts';
import { decisionLabel } from '../../core/i18n/labels.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { Choice, Locale } from '../../core/model.ts';
import { defaultRunName } from '../../core/run/request.ts';
import type { RunState, Transition } from '../../core/run/run-state.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import { h, part } from '../lib/dom.ts';
import type { Alerts } from './alerts.ts';
import { UNDO_CARRY_ACTION, useChangedSince } from './carry-marks.ts';
import { readProgress } from './progress-files.ts';
import type { RunSession } from './session.ts';

export interface CarryPanelHooks {
  t: Translate;
  locale: Locale;
  scope: RunScope;
  /** The road book's modules, to write a run's path. */
  modules: readonly Choice[];
  alerts: Alerts;
  /** The item list, whose rows hold the "Undo carry-over" buttons. */
  items: HTMLElement;
  state(): RunState;
  /** The run shown, if any. */
  session(): RunSession | null;
  apply(transition: (state: RunState) => Transition): Promise<void>;
  confirm(text: string, label: string): Promise<boolean>;
  /** A date-time as the page writes it. */
  time(iso: string): string;
}

/** A run offered to carry from: kept in this browser, or read from a file (named). */
interface Candidate {
  run: SavedRun;
  file: string | null;
}

export class CarryPanel extends HTMLElement {
  private hooks!: CarryPanelHooks;
  /** Runs read from progress files for the open run (never put in the library). */
  private fromFiles: Candidate[] = [];
  /** Ids the tester ticked, kept across repaints. */
  private readonly ticked = new Set<string>();
  /** The run the panel was last shown for: a new one resets the files and the ticks. */
  private shownFor: string | null = null;
  /** What the list of runs was last made from: it is made again only when that changes (not at each keystroke). */
  private listed = '';

  /** Wires the panel to the page (once). */
  connect(hooks: CarryPanelHooks): void {
    this.hooks = hooks;
    useChangedSince((id) => {
      const run = hooks.session()?.run;
      return run ? changedSinceCarry(run, id) : null;
    });
    const form = part<HTMLFormElement>(this, 'carry-form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.carry();
    });
    form.addEventListener('change', (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
      if (box.checked) this.ticked.add(box.value);
      else this.ticked.delete(box.value);
    });
    const files = part<HTMLInputElement>(this, 'carry-files');
    files.addEventListener('change', () => {
      const picked = [...(files.files ?? [])];
      files.value = '';
      void this.readFiles(picked);
    });
    part(this, 'carry-undo-all').addEventListener('click', () => void this.undoAll());
    hooks.items.addEventListener('click', (event) => {
      const button =
        event.target instanceof Element
          ? event.target.closest<HTMLButtonElement>(`button[data-action="${UNDO_CARRY_ACTION}"]`)
          : null;
      const row = button?.closest<HTMLElement>('.run-item');
      if (row?.dataset.item) void this.undoOne(row);
    });
  }

  /** Shows the panel for the open run (hidden when none is shown). */
  render(): void {
    const session = this.hooks.state().open ? this.hooks.session() : null;
    const section = part(this, 'carry');
    section.hidden = !session;
    if (!session) return;
    const run = session.run;
    const fresh = this.shownFor !== run.id;
    if (fresh) {
      this.shownFor = run.id;
      this.fromFiles = [];
      this.ticked.clear();
      this.listed = '';
    }
    const readOnly = !!session.readOnly;
    const details = part<HTMLDetailsElement>(this, 'carry-details');
    details.hidden = readOnly;
    const candidates = this.candidates();
    // A run that holds nothing yet is being started: the tester is offered to start it from earlier runs.
    if (fresh) details.open = !readOnly && candidates.length > 0 && Object.keys(run.results).length === 0;
    this.renderCandidates(candidates);
    this.renderSummary(session, readOnly);
  }

  private candidates(): Candidate[] {
    const browser = carryCandidates(this.hooks.state()).map((run) => ({ run, file: null }));
    const known = new Set(browser.map((c) => c.run.id));
    return [...browser, ...this.fromFiles.filter((c) => !known.has(c.run.id))];
  }

  private renderCandidates(candidates: readonly Candidate[]): void {
    const { t, locale } = this.hooks;
    const listed = JSON.stringify(candidates.map((c) => [c.run.id, c.run.name, c.run.updated, c.file]));
    if (listed === this.listed) return;
    this.listed = listed;
    const list = part(this, 'carry-runs');
    list.replaceChildren(
      ...candidates.map(({ run, file }) => {
        const id = `carry-run-${run.id}`;
        const box = h('input', { id, attrs: { type: 'checkbox', value: run.id } });
        box.checked = this.ticked.has(run.id);
        const decision = run.signOff?.decision;
        const facts = t('run.carry.runFacts', {
          path: defaultRunName(run.request, this.hooks.modules),
          time: this.hooks.time(run.updated),
          signed: decision
            ? t('run.carry.signed', { decision: decisionLabel(locale, decision) })
            : t('run.carry.notSigned'),
        });
        return h(
          'li',
          { data: { run: run.id, source: file === null ? 'browser' : 'file' } },
          box,
          h(
            'label',
            { attrs: { for: id } },
            h('strong', { text: run.name }),
            ' ',
            h('span', {
              class: 'muted',
              text: file === null ? facts : `${facts} · ${t('run.carry.fromFile', { file })}`,
            }),
          ),
        );
      }),
    );
    part(this, 'carry-no-runs').hidden = candidates.length > 0;
  }

  private renderSummary(session: RunSession, readOnly: boolean): void {
    const { t } = this.hooks;
    const sources = carriedSources(session.view.items, session.run.results);
    const n = sources.reduce((sum, s) => sum + s.count, 0);
    const summary = part(this, 'carry-summary');
    summary.hidden = n === 0;
    summary.textContent = n ? t('run.carry.summary', { n, runs: sources.map((s) => s.name).join(', ') }) : '';
    part(this, 'carry-undo-all').hidden = readOnly || (n === 0 && !session.run.carryChanged);
  }

  /** Reads progress files for carrying; a file refused is said, the others are offered. */
  private async readFiles(files: readonly File[]): Promise<void> {
    const { t, locale, scope, alerts } = this.hooks;
    const open = this.hooks.session()?.run.id;
    for (const file of files) {
      // Read for carrying only: carried results take no attachments, so none is stored.
      const read = await readProgress(file, scope, locale, t, null);
      if (!read.ok) {
        alerts.error(read.message, [], 'carry-file');
        continue;
      }
      for (const run of read.runs) {
        if (run.id === open) continue;
        this.fromFiles = [...this.fromFiles.filter((c) => c.run.id !== run.id), { run, file: file.name }];
        this.ticked.add(run.id);
      }
    }
    this.render();
  }

  private async carry(): Promise<void> {
    const { t, alerts } = this.hooks;
    const session = this.hooks.session();
    if (!session) return;
    const byId = new Map(this.candidates().map((c) => [c.run.id, c.run]));
    const earlier = [...this.ticked].map((id) => byId.get(id)).filter((r): r is SavedRun => !!r);
    if (earlier.length === 0) {
      alerts.error(t('run.carry.noneChosen'), [], 'carry');
      return;
    }
    alerts.clear('carry');
    alerts.clear('carry-file');
    const time = new Date().toISOString();
    await this.hooks.apply((s) => carryResults(s, { checklist: session.checklist, earlier, time }));
  }

  private async undoOne(row: HTMLElement): Promise<void> {
    const item = row.dataset.item!;
    await this.hooks.apply((s) => undoCarriedResult(s, { item, time: new Date().toISOString() }));
    row.focus();
  }

  private async undoAll(): Promise<void> {
    const { t } = this.hooks;
    const session = this.hooks.session();
    if (!session) return;
    const n = carriedSources(session.view.items, session.run.results).reduce((sum, s) => sum + s.count, 0);
    if (!(await this.hooks.confirm(t('run.carry.undoAllConfirm', { n }), t('run.carry.undoAll')))) return;
    await this.hooks.apply((s) => undoAllCarriedResults(s, { time: new Date().toISOString() }));
  }
}

if (!customElements.get('rb-carry')) customElements.define('rb-carry', CarryPanel);
