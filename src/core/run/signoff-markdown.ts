/**
 * The sign-off report as Markdown (GFM): facts of the path and the tests, counts per status,
 * reserves, processes re-checked, the detail of every item, the decision, one signature row
 * per party, what remains to do, and the stamp (build id, each entry's content hash). Text
 * from content and from testers is escaped, so it never turns into markup.
 */
import { STATUSES } from '../checklist/progress.ts';
import { escapeMarkdown } from '../export/markdown.ts';
import { priorityLabel, statusLabel } from '../export/labels.ts';
import { translate, type MessageKey } from '../i18n.ts';
import type { ReportItem, SignOffReport } from './signoff.ts';

/** `2026-05-20T14:03:09.120Z` → `2026-05-20 14:03 UTC`: the same in every time zone. */
export function shortTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(row)];
}

export function signOffMarkdown(report: SignOffReport): string {
  const { locale } = report;
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const status = (s: ReportItem['status']) => statusLabel(locale, s);
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, ''];

  const period =
    report.period.first && report.period.last
      ? t('signoff.period', { first: shortTime(report.period.first), last: shortTime(report.period.last) })
      : '—';
  out.push(
    ...table(
      [t('signoff.fact'), t('signoff.value')],
      [
        [t('export.summary.product'), report.product],
        [t('export.summary.from'), report.from ?? '—'],
        [t('export.summary.to'), report.to],
        [t('export.summary.versions'), report.versions.join(', ')],
        [t('export.summary.modules'), report.modules],
        [t('export.summary.editions'), report.editions],
        [t('signoff.field.environment'), report.environment],
        [t('signoff.periodLabel'), period],
        [t('signoff.field.testers'), report.testers.join(', ')],
        [t('export.summary.build'), report.buildId ?? '—'],
        [t('signoff.generated'), shortTime(report.generated)],
      ],
    ),
    '',
  );

  out.push(`## ${t('signoff.results')}`, '');
  out.push(
    ...table(
      [t('export.column.status'), t('signoff.count')],
      [...STATUSES.map((s) => [status(s), String(report.counts[s])]), [t('signoff.total'), String(report.total)]],
    ),
    '',
  );
  if (report.notRun) out.push(t('signoff.notRun', { n: report.notRun }), '');

  if (report.warnings.length) {
    out.push(`## ${t('export.section.warnings')}`, '', ...report.warnings.map((w) => `- ${escapeMarkdown(w)}`), '');
  }

  out.push(`## ${t('signoff.reserves')}`, '');
  if (report.reserves.length === 0) out.push(t('signoff.noReserves'), '');
  else {
    out.push(
      ...table(
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
          priorityLabel(locale, i.priority),
          i.step,
          i.comment,
          i.defect,
        ]),
      ),
      '',
    );
  }

  if (report.processes.length) {
    out.push(`## ${t('signoff.processes')}`, '');
    for (const p of report.processes) {
      const detail = STATUSES.filter((s) => p.counts[s] > 0)
        .map((s) => `${status(s)} ${p.counts[s]}`)
        .join(', ');
      const custom = p.custom ? ` (${t('signoff.customProcess')})` : '';
      out.push(
        `- ${t('export.md.labelled', { label: escapeMarkdown(p.label + custom), text: `${escapeMarkdown(detail)} / ${p.total}` })}`,
      );
    }
    out.push('');
  }

  if (report.changed.length) {
    out.push(`## ${t('signoff.changed')}`, '', t('signoff.changedHelp'), '');
    out.push(...report.changed.map((i) => `- ${escapeMarkdown(i.id)} (${escapeMarkdown(status(i.status))})`), '');
  }
  if (report.orphans.length) {
    out.push(`## ${t('signoff.orphans')}`, '', t('signoff.orphansHelp'), '');
    out.push(
      ...table(
        [
          t('export.column.id'),
          t('export.column.status'),
          t('export.column.comment'),
          t('export.column.tester'),
          t('export.column.date'),
          t('signoff.reason'),
        ],
        report.orphans.map((o) => [
          o.id,
          status(o.status),
          o.comment,
          o.tester,
          o.time ? shortTime(o.time) : '',
          t(`run.orphan.${o.reason}` as MessageKey),
        ]),
      ),
      '',
    );
  }

  out.push(`## ${t('signoff.decision')}`, '');
  out.push(`**${escapeMarkdown(report.decision ? t(`signoff.decision.${report.decision}` as MessageKey) : '—')}**`, '');
  if (report.notes) out.push(escapeMarkdown(report.notes), '');
  out.push(escapeMarkdown(t('signoff.madeAt', { place: report.place || '…', date: report.date || '…' })), '');

  out.push(`## ${t('signoff.signatures')}`, '');
  out.push(
    ...table(
      [t('signoff.party.role'), t('signoff.party.name'), t('export.column.date'), t('signoff.signature')],
      report.parties.map((p) => [p.role, p.name, '', '']),
    ),
    '',
  );

  if (report.after.length) {
    out.push(`## ${t('signoff.after')}`, '');
    for (const i of report.after) {
      const box = i.status === 'passed' ? '[x]' : '[ ]';
      out.push(`- ${box} ${escapeMarkdown(i.step)} — ${escapeMarkdown(status(i.status))}`);
    }
    out.push('');
  }

  out.push(`## ${t('signoff.detail')}`, '');
  for (const group of report.groups) {
    out.push(`### ${escapeMarkdown(group.label)}`, '');
    out.push(
      ...table(
        [
          t('export.column.id'),
          t('export.column.step'),
          t('export.column.status'),
          t('export.column.comment'),
          t('export.column.tester'),
          t('export.column.date'),
        ],
        group.items.map((i) => [
          i.id,
          i.step,
          status(i.status) + (i.changed ? ` (${t('run.changedShort')})` : ''),
          [i.comment, i.defect ? t('export.md.defect', { defect: i.defect }) : ''].filter(Boolean).join(' — '),
          i.tester,
          i.time ? shortTime(i.time) : '',
        ]),
      ),
      '',
    );
  }

  out.push(`## ${t('signoff.stamp')}`, '', t('signoff.stampHelp'), '');
  out.push(t('export.md.labelled', { label: t('export.summary.build'), text: `\`${report.buildId ?? '—'}\`` }), '');
  out.push(
    ...table(
      [t('export.table.change'), t('export.table.version'), t('export.table.title'), 'SHA-256'],
      report.entries.map((e) => [e.id, e.version, e.title, e.hash]),
    ),
  );
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
