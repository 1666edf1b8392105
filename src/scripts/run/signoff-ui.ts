/**
 * Step 5 of the run, the sign-off (PV de recette): the form bound to the run (saved as the
 * tester types), the rules of core's signOffProblems shown with a link to every item or field
 * to fix, and once nothing refuses it, the printable report (a view of the checklist page,
 * `?view=report`) with its Markdown and JUnit XML downloads, all made from core's
 * signOffReport.
 */
import { STATUSES } from '../../core/checklist/progress.ts';
import { priorityLabel, statusLabel } from '../../core/export/labels.ts';
import type { MessageKey } from '../../core/i18n.ts';
import type { Locale } from '../../core/model.ts';
import { REPORT_FORMATS, reportFileName } from '../../core/run/report-formats.ts';
import {
  emptySignOff,
  signOffProblems,
  signOffReport,
  type SignOffProblem,
  type SignOffReport,
} from '../../core/run/signoff.ts';
import type { Decision, SignOffForm } from '../../core/run/types.ts';
import { DECISIONS } from '../../core/run/types.ts';
import { download, h, part } from '../lib/dom.ts';
import type { Alerts } from './alerts.ts';
import type { ItemList, Translate } from './item-list.ts';
import { rowId } from './item-list.ts';
import type { RunSession } from './session.ts';

export interface SignOffHooks {
  changed(): void;
  /** Called to show the report view (updates the address). */
  openReport(): void;
  closeReport(): void;
  tester(): string;
  flush(): void;
}

/** `2026-05-22` → "22 mai 2026" / "22 May 2026"; anything else as written. */
function longDate(iso: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export class SignOffUi {
  private readonly root: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly t: Translate;
  private readonly locale: Locale;
  private readonly items: ItemList;
  private readonly alerts: Alerts;
  private readonly hooks: SignOffHooks;
  private session: RunSession | null = null;

  constructor(root: HTMLElement, t: Translate, locale: Locale, items: ItemList, alerts: Alerts, hooks: SignOffHooks) {
    this.root = root;
    this.form = part<HTMLFormElement>(root, 'signoff-form');
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
      date: today(),
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
    this.session.run.signOff = this.read();
    this.hooks.changed();
  }

  problems(): SignOffProblem[] {
    const session = this.session;
    if (!session) return [];
    return signOffProblems(
      session.view.signOffItems,
      session.run.results,
      session.run.signOff ?? this.read(),
      this.locale,
    );
  }

  /** "Établir le PV": the problems, linked, or the report. */
  sign(): void {
    this.save();
    const problems = this.problems();
    const box = part(this.form, 'signoff-problems');
    if (problems.length === 0) {
      box.replaceChildren();
      this.hooks.openReport();
      return;
    }
    this.showProblems(problems);
  }

  private showProblems(problems: SignOffProblem[]): void {
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
    });
  }

  /** Renders the printable report into `container`; false (and the problems shown) when it cannot be signed yet. */
  renderReport(container: HTMLElement): boolean {
    const problems = this.problems();
    if (problems.length) {
      this.showProblems(problems);
      return false;
    }
    const report = this.report();
    if (!report) return false;
    const t = this.t;
    const status = (s: (typeof STATUSES)[number]) => statusLabel(this.locale, s);
    const time = (iso: string) => this.items.formatTime(iso);
    const table = (caption: string | null, header: string[], rows: (string | Node)[][], cls = '') =>
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: `report-table ${cls}` },
          caption ? h('caption', { class: 'visually-hidden', text: caption }) : null,
          h('thead', null, h('tr', null, ...header.map((c) => h('th', { attrs: { scope: 'col' }, text: c })))),
          h('tbody', null, ...rows.map((r) => h('tr', null, ...r.map((c) => h('td', null, c))))),
        ),
      );
    const facts: [string, string][] = [
      [t('export.summary.product'), report.product],
      [t('export.summary.from'), report.from ?? '—'],
      [t('export.summary.to'), report.to],
      [t('export.summary.versions'), report.versions.join(', ')],
      [t('export.summary.modules'), report.modules],
      [t('export.summary.editions'), report.editions],
      [t('signoff.field.environment'), report.environment],
      [
        t('signoff.periodLabel'),
        report.period.first && report.period.last
          ? t('signoff.period', { first: time(report.period.first), last: time(report.period.last) })
          : '—',
      ],
      [t('signoff.field.testers'), report.testers.join(', ')],
      [t('export.summary.build'), report.buildId ?? '—'],
    ];
    const toolbar = h(
      'div',
      { class: 'report-toolbar no-print' },
      h('button', { data: { action: 'close-report' }, attrs: { type: 'button' }, text: t('signoff.back') }),
      h('button', { data: { action: 'print' }, attrs: { type: 'button' }, text: t('signoff.print') }),
      ...REPORT_FORMATS.map((f) =>
        h('button', { data: { report: f.id }, attrs: { type: 'button' }, text: t(f.label) }),
      ),
    );
    toolbar.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button') : null;
      if (!button) return;
      if (button.dataset.action === 'close-report') this.hooks.closeReport();
      else if (button.dataset.action === 'print') window.print();
      else if (button.dataset.report) void this.downloadReport(button.dataset.report);
    });

    const article = h(
      'article',
      { class: 'signoff-report', attrs: { 'aria-labelledby': 'report-title' } },
      h('h2', { id: 'report-title', text: report.title }),
      h(
        'dl',
        { class: 'report-facts' },
        ...facts.map(([k, v]) => h('div', null, h('dt', { text: k }), h('dd', { text: v }))),
      ),
      h('h3', { text: t('signoff.results') }),
      table(
        t('signoff.results'),
        [t('export.column.status'), t('signoff.count')],
        [
          ...STATUSES.map((s) => [status(s), String(report.counts[s])]),
          [h('strong', { text: t('signoff.total') }), h('strong', { text: String(report.total) })],
        ],
        'report-counts',
      ),
      report.notRun ? h('p', { text: t('signoff.notRun', { n: report.notRun }) }) : null,
      report.warnings.length
        ? h(
            'div',
            null,
            h('h3', { text: t('export.section.warnings') }),
            h('ul', null, ...report.warnings.map((w) => h('li', { text: w }))),
          )
        : null,
      h('h3', { text: t('signoff.reserves') }),
      report.reserves.length
        ? table(
            t('signoff.reserves'),
            [
              t('export.column.id'),
              t('export.column.status'),
              t('signoff.severity'),
              t('export.column.step'),
              t('export.column.comment'),
              t('signoff.defect'),
            ],
            report.reserves.map((i) => [
              i.id,
              status(i.status),
              priorityLabel(this.locale, i.priority),
              i.step,
              i.comment,
              i.defect,
            ]),
            'report-reserves',
          )
        : h('p', { text: t('signoff.noReserves') }),
      report.processes.length
        ? h(
            'div',
            null,
            h('h3', { text: t('signoff.processes') }),
            h(
              'ul',
              null,
              ...report.processes.map((p) =>
                h('li', {
                  text: `${p.label}${p.custom ? ` (${t('signoff.customProcess')})` : ''} — ${STATUSES.filter(
                    (s) => p.counts[s],
                  )
                    .map((s) => `${status(s)} ${p.counts[s]}`)
                    .join(', ')} / ${p.total}`,
                }),
              ),
            ),
          )
        : null,
      report.changed.length
        ? h(
            'div',
            null,
            h('h3', { text: t('signoff.changed') }),
            h('p', { text: t('signoff.changedHelp') }),
            h('ul', null, ...report.changed.map((i) => h('li', { text: `${i.id} (${status(i.status)})` }))),
          )
        : null,
      report.orphans.length
        ? h(
            'div',
            null,
            h('h3', { text: t('signoff.orphans') }),
            h('p', { text: t('signoff.orphansHelp') }),
            table(
              t('signoff.orphans'),
              [t('export.column.id'), t('export.column.status'), t('export.column.comment'), t('signoff.reason')],
              report.orphans.map((o) => [o.id, status(o.status), o.comment, t(`run.orphan.${o.reason}` as MessageKey)]),
            ),
          )
        : null,
      h('h3', { text: t('signoff.decision') }),
      h(
        'p',
        { class: 'report-decision', data: { decision: report.decision ?? '' } },
        h('strong', { text: report.decision ? t(`signoff.decision.${report.decision}` as MessageKey) : '—' }),
      ),
      report.notes ? h('p', { class: 'report-notes', text: report.notes }) : null,
      h('p', { text: t('signoff.madeAt', { place: report.place, date: longDate(report.date, this.locale) }) }),
      h('h3', { text: t('signoff.signatures') }),
      table(
        t('signoff.signatures'),
        [t('signoff.party.role'), t('signoff.party.name'), t('export.column.date'), t('signoff.signature')],
        report.parties.map((p) => [p.role, p.name, '', '']),
        'report-signatures',
      ),
      report.after.length
        ? h(
            'div',
            null,
            h('h3', { text: t('signoff.after') }),
            h('ul', null, ...report.after.map((i) => h('li', { text: `${i.step} — ${status(i.status)}` }))),
          )
        : null,
      h('h3', { class: 'report-annex', text: t('signoff.detail') }),
      ...report.groups.map((g) =>
        h(
          'section',
          { class: 'report-group' },
          h('h4', { text: g.label }),
          table(
            g.label,
            [
              t('export.column.id'),
              t('export.column.step'),
              t('export.column.status'),
              t('export.column.comment'),
              t('export.column.tester'),
              t('export.column.date'),
            ],
            g.items.map((i) => [
              i.id,
              i.step,
              status(i.status) + (i.changed ? ` (${t('run.changedShort')})` : ''),
              [i.comment, i.defect ? t('export.md.defect', { defect: i.defect }) : ''].filter(Boolean).join(' — '),
              i.tester,
              i.time ? time(i.time) : '',
            ]),
            'report-detail',
          ),
        ),
      ),
      h('h3', { class: 'report-annex', text: t('signoff.stamp') }),
      h('p', { text: t('signoff.stampHelp') }),
      h('p', null, `${t('export.summary.build')} `, h('code', { class: 'report-build', text: report.buildId ?? '—' })),
      table(
        t('signoff.stamp'),
        [t('export.table.change'), t('export.table.version'), t('export.table.title'), 'SHA-256'],
        report.entries.map((e) => [e.id, e.version, e.title, h('code', { class: 'hash', text: e.hash })]),
        'report-stamp',
      ),
    );
    container.replaceChildren(toolbar, article);
    return true;
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
