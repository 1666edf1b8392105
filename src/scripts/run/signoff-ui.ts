/**
 * Step 5 of the run, the sign-off (PV de recette): the form bound to the run (saved as the
 * tester types), the rules of core's signOffProblems shown with a link to every item or field
 * to fix, and once nothing refuses it, the printable report (a view of the checklist page,
 * `?view=report`) with its Markdown and JUnit XML downloads, all made from core's
 * signOffReport. The page draws the blocks of core's reportDocument, as the Markdown writes
 * them: what the report says, and in which order, is decided there.
 */
import type { Locale } from '../../core/model.ts';
import { reportDocument } from '../../core/run/report-document.ts';
import { reportNodes, reportToolbar } from './signoff-report.ts';
import { formatters, localIsoDate } from '../../core/i18n/format.ts';
import { REPORT_FORMATS, reportFileName } from '../../core/run/report-formats.ts';
import { withSeal } from '../../core/run/seal-report.ts';
import type { RunState, Transition } from '../../core/run/run-state.ts';
import { emptySignOff, type SignOffProblem } from '../../core/run/signoff-problems.ts';
import { signOffReport, type SignOffReport } from '../../core/run/signoff.ts';
import { editSignOff, requestSignOff, signOffRefusals } from '../../core/run/signoff-edit.ts';
import type { Decision, SignOffForm } from '../../core/run/types.ts';
import { DECISIONS } from '../../core/run/types.ts';
import { download, h, part } from '../lib/dom.ts';
import type { Alerts } from './alerts.ts';
import type { ItemList } from './item-list.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { rowId } from './item-list.ts';
import type { RunSession } from './session.ts';

export interface SignOffHooks {
  /** Asks for a transition of the run (the controller applies it and performs its effects). */
  apply(transition: (state: RunState) => Transition): void;
  /** The run's state now. */
  state(): RunState;
  closeReport(): void;
  tester(): string;
  flush(): void;
}

/** <rb-signoff>: the sign-off form of the open run, and the report it grants. */
export class SignOffUi extends HTMLElement {
  private form!: HTMLFormElement;
  private t!: Translate;
  private locale!: Locale;
  private items!: ItemList;
  private alerts!: Alerts;
  private hooks!: SignOffHooks;
  private session: RunSession | null = null;

  /** Wires the form (once). */
  connect(t: Translate, locale: Locale, items: ItemList, alerts: Alerts, hooks: SignOffHooks): void {
    this.form = part<HTMLFormElement>(this, 'signoff-form');
    this.t = t;
    this.locale = locale;
    this.items = items;
    this.alerts = alerts;
    this.hooks = hooks;
    this.form.addEventListener('input', () => this.save());
    this.form.addEventListener('change', () => this.save());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.sign();
    });
    this.form.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
      if (target?.dataset.action === 'add-party') {
        this.addParty({ role: '', name: '' }).querySelector('input')?.focus();
        this.save();
      } else if (target?.dataset.action === 'remove-party') {
        target.closest('.party')?.remove();
        this.save();
        this.form.querySelector<HTMLElement>('[data-action="add-party"]')?.focus();
      }
    });
  }

  private partyCount = 0;

  private addParty(party: { role: string; name: string }): HTMLElement {
    const n = ++this.partyCount;
    const row = h(
      'div',
      { class: 'party' },
      h(
        'div',
        { class: 'field' },
        h('label', { attrs: { for: `party-role-${n}` }, text: this.t('signoff.party.role') }),
        h('input', { id: `party-role-${n}`, data: { party: 'role' }, attrs: { type: 'text' } }),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { attrs: { for: `party-name-${n}` }, text: this.t('signoff.party.name') }),
        h('input', { id: `party-name-${n}`, data: { party: 'name' }, attrs: { type: 'text', autocomplete: 'name' } }),
      ),
      h('button', {
        data: { action: 'remove-party' },
        attrs: { type: 'button', 'aria-label': this.t('signoff.party.removeNamed', { n }) },
        text: this.t('signoff.party.remove'),
      }),
    );
    (row.querySelector('[data-party="role"]') as HTMLInputElement).value = party.role;
    (row.querySelector('[data-party="name"]') as HTMLInputElement).value = party.name;
    part(this.form, 'parties').append(row);
    return row;
  }

  /** Fills the form from the run (defaults for a run never signed). */
  bind(session: RunSession): void {
    this.session = session;
    const form = session.run.signOff ?? {
      ...emptySignOff(),
      date: localIsoDate(new Date()),
      testers: this.hooks.tester(),
      parties: [{ role: this.t('signoff.defaultRole'), name: '' }],
    };
    const field = (name: string) => this.form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement;
    for (const name of ['environment', 'place', 'date', 'testers', 'notes'] as const) field(name).value = form[name];
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="decision"]'))
      radio.checked = radio.value === form.decision;
    part(this.form, 'parties').replaceChildren();
    for (const p of form.parties) this.addParty(p);
    part(this.form, 'signoff-problems').replaceChildren();
  }

  read(): SignOffForm {
    const value = (name: string) => (this.form.elements.namedItem(name) as HTMLInputElement).value;
    const decision = this.form.querySelector<HTMLInputElement>('input[name="decision"]:checked')?.value ?? null;
    return {
      environment: value('environment'),
      place: value('place'),
      date: value('date'),
      testers: value('testers'),
      decision: DECISIONS.includes(decision as Decision) ? (decision as Decision) : null,
      parties: [...part(this.form, 'parties').querySelectorAll('.party')].map((p) => ({
        role: (p.querySelector('[data-party="role"]') as HTMLInputElement).value,
        name: (p.querySelector('[data-party="name"]') as HTMLInputElement).value,
      })),
      notes: value('notes'),
    };
  }

  private save(): void {
    if (!this.session) return;
    const form = this.read();
    const time = new Date().toISOString();
    this.hooks.apply((state) => editSignOff(state, { form, time }));
  }

  problems(): SignOffProblem[] {
    const session = this.session;
    if (!session) return [];
    return signOffRefusals(this.hooks.state(), {
      form: this.read(),
      items: session.view.signOffItems,
      locale: this.locale,
    });
  }

  /** "Établir le PV": the form saved, then the report (the controller's `report` effect) or the problems, linked. */
  sign(): void {
    const session = this.session;
    if (!session) return;
    part(this.form, 'signoff-problems').replaceChildren();
    const form = this.read();
    const time = new Date().toISOString();
    this.hooks.apply((state) =>
      requestSignOff(state, { form, time, items: session.view.signOffItems, locale: this.locale }),
    );
  }

  showProblems(problems: SignOffProblem[]): void {
    const box = part(this.form, 'signoff-problems');
    const fieldIds: Partial<Record<keyof SignOffForm, string>> = {
      environment: 'signoff-environment',
      place: 'signoff-place',
      date: 'signoff-date',
      testers: 'signoff-testers',
      decision: 'signoff-decision-accepted',
      parties: 'signoff-parties',
    };
    const list = h(
      'ul',
      null,
      ...problems.map((p) => {
        const li = h('li', null);
        const target = p.field ? fieldIds[p.field] : undefined;
        if (target && p.code !== 'accepted-with-failures')
          li.append(h('a', { attrs: { href: `#${target}` }, text: p.message }));
        else li.append(p.message);
        if (p.items?.length) {
          li.append(
            h(
              'ul',
              { class: 'blockers' },
              ...p.items.map((item) =>
                h(
                  'li',
                  null,
                  h(
                    'a',
                    { attrs: { href: `#${rowId(item.id)}` }, data: { reveal: item.id } },
                    h('span', { class: 'entry-id', text: item.id }),
                    ` — ${item.step}`,
                  ),
                ),
              ),
            ),
          );
        }
        return li;
      }),
    );
    list.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-reveal]') : null;
      if (!link) return;
      event.preventDefault();
      const id = link.dataset.reveal!;
      // The comment is what is missing: open it and put the cursor there.
      void this.items.reveal(id).then(() => this.items.openComment(id));
    });
    const alert = h(
      'div',
      { class: 'callout callout-error', attrs: { role: 'alert', tabindex: -1 } },
      h('p', { class: 'callout-title', text: this.t('signoff.refused') }),
      list,
    );
    box.replaceChildren(alert);
    alert.focus();
  }

  report(now = new Date()): SignOffReport | null {
    const session = this.session;
    if (!session) return null;
    return signOffReport({
      checklist: session.checklist,
      procedure: session.procedure,
      results: session.run.results,
      form: session.run.signOff ?? this.read(),
      pathEntryIds: session.pathEntryIds,
      now,
      locale: this.locale,
      runId: session.run.id,
    });
  }

  /** Which drawing of the report is the latest: a slower seal of an earlier one must not overwrite it. */
  private reportDrawing = 0;

  /**
   * Shows the printable report in `container`; false (and the problems shown) when it cannot be
   * signed yet. The report is drawn once sealed (seal-report.ts), so that what prints carries the
   * same seal as the downloads; until then the container is empty and busy.
   */
  renderReport(container: HTMLElement): boolean {
    const problems = this.problems();
    if (problems.length) {
      this.showProblems(problems);
      return false;
    }
    const report = this.report();
    if (!report) return false;
    const drawing = ++this.reportDrawing;
    container.replaceChildren();
    container.setAttribute('aria-busy', 'true');
    void withSeal(report).then((sealed) => {
      if (drawing !== this.reportDrawing) return;
      container.removeAttribute('aria-busy');
      this.drawReport(container, sealed);
    });
    return true;
  }

  private drawReport(container: HTMLElement, report: SignOffReport): void {
    const toolbar = reportToolbar(this.t, {
      close: () => this.hooks.closeReport(),
      download: (id) => void this.downloadReport(id),
    });
    const article = h(
      'article',
      { class: 'signoff-report', attrs: { 'aria-labelledby': 'report-title' } },
      ...reportNodes(
        reportDocument(report, {
          time: (iso) => this.items.formatTime(iso),
          date: (value) => formatters(this.locale).date(value),
        }).blocks,
      ),
    );
    container.replaceChildren(toolbar, article);
    // The view opened before the report was drawn: its title takes the focus once it exists.
    if (!container.hidden) {
      const title = article.querySelector<HTMLElement>('h2');
      title?.setAttribute('tabindex', '-1');
      title?.focus();
    }
  }

  private async downloadReport(id: string): Promise<void> {
    this.hooks.flush();
    if (this.problems().length) return;
    const format = REPORT_FORMATS.find((f) => f.id === id);
    const report = this.report();
    if (!format || !report) return;
    try {
      download(reportFileName(report, format), await format.export(report), format.mimeType);
    } catch (error) {
      this.alerts.error(
        this.t('run.downloadFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  }
}

if (!customElements.get('rb-signoff')) customElements.define('rb-signoff', SignOffUi);
