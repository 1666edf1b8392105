/**
 * The sign-off report's content, decided once: a SignOffReport turned into an ordered list of
 * blocks of plain text (headings, facts, tables, lists, paragraphs, the decision, the build
 * id), which the Markdown writer (signoff-markdown.ts) and the printable page
 * (src/scripts/run/signoff-ui.ts) each only present. Nothing here is markup: each renderer
 * escapes or sets text as its format wants. Times and the sign-off date are formatted by the
 * caller (a fixed UTC form in the Markdown, the tester's own on the page). The blocks' shape:
 * report-blocks.ts.
 */
import { STATUSES, type Status } from '../checklist/progress.ts';
import { decisionLabel, orphanReasonLabel, priorityLabel, severityLabel, statusLabel } from '../i18n/labels.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import type { ReportBlock, ReportDocument } from './report-blocks.ts';
import type { SignOffReport } from './signoff.ts';

export interface ReportFormatters {
  /** An ISO 8601 instant (a result's time, when the report was made) as the reader sees it. */
  time(iso: string): string;
  /** The sign-off date as the form holds it (`2026-05-22`); written as it is when omitted. */
  date?(value: string): string;
}

export function reportDocument(report: SignOffReport, format: ReportFormatters): ReportDocument {
  const { locale } = report;
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const status = (s: Status) => statusLabel(locale, s);
  const time = (iso: string) => (iso ? format.time(iso) : '');
  const date = format.date ?? ((value: string) => value);
  const blocks: ReportBlock[] = [];
  const heading = (text: string, className?: string) => blocks.push({ kind: 'heading', level: 2, text, className });
  const paragraph = (text: string, className?: string) => blocks.push({ kind: 'paragraph', text, className });
  const list = (items: string[]) => blocks.push({ kind: 'list', items: items.map((text) => ({ text })) });

  blocks.push({ kind: 'heading', level: 1, text: report.title });
  blocks.push({
    kind: 'facts',
    columns: [t('signoff.fact'), t('signoff.value')],
    rows: [
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
      [t('signoff.generated'), time(report.generated)],
    ],
  });

  heading(t('signoff.results'));
  blocks.push({
    kind: 'table',
    caption: t('signoff.results'),
    columns: [t('export.column.status'), t('signoff.count')],
    rows: STATUSES.map((s) => [status(s), String(report.counts[s])]),
    total: [t('signoff.total'), String(report.total)],
    className: 'report-counts',
  });
  if (report.notRun) paragraph(t('signoff.notRun', { n: report.notRun }));
  blocks.push(...executedBlocks(report, t), ...testerBlocks(report, t));

  if (report.warnings.length) {
    heading(t('export.section.warnings'));
    list(report.warnings);
  }

  heading(t('signoff.reserves'));
  if (report.reserves.length === 0) paragraph(t('signoff.noReserves'));
  else {
    blocks.push({
      kind: 'table',
      caption: t('signoff.reserves'),
      columns: [
        t('export.column.id'),
        t('export.column.status'),
        t('signoff.severity'),
        t('export.column.step'),
        t('export.column.comment'),
        t('signoff.defect'),
      ],
      rows: report.reserves.map((i) => [
        i.id,
        status(i.status),
        priorityLabel(locale, i.priority),
        i.step,
        i.comment,
        i.defect,
      ]),
      className: 'report-reserves',
    });
    blocks.push(...reserveEvidence(report, t('report.evidence.reserves')));
  }

  if (report.knownIssues.length) {
    heading(t('signoff.knownIssues'));
    paragraph(t('signoff.knownIssuesHelp', { to: report.to }));
    blocks.push({
      kind: 'table',
      caption: t('signoff.knownIssues'),
      columns: [
        t('export.column.id'),
        t('signoff.knownIssue.severity'),
        t('signoff.knownIssue.title'),
        t('export.column.version'),
        t('signoff.knownIssue.workaround'),
        t('signoff.knownIssue.fixedIn'),
      ],
      rows: report.knownIssues.map((issue) => [
        issue.id,
        severityLabel(locale, issue.severity),
        issue.title,
        issue.version,
        issue.workaround ?? '—',
        issue.fixedIn && issue.fixedBy ? `${issue.fixedIn} (${issue.fixedBy})` : '—',
      ]),
      className: 'report-known-issues',
    });
  }

  if (report.processes.length) {
    heading(t('signoff.processes'));
    list(
      report.processes.map((p) => {
        const custom = p.custom ? ` (${t('signoff.customProcess')})` : '';
        const detail = STATUSES.filter((s) => p.counts[s] > 0)
          .map((s) => `${status(s)} ${p.counts[s]}`)
          .join(', ');
        return `${p.label}${custom} — ${detail} / ${p.total}`;
      }),
    );
  }

  if (report.changed.length) {
    heading(t('signoff.changed'));
    paragraph(t('signoff.changedHelp'));
    list(report.changed.map((i) => `${i.id} (${status(i.status)})`));
  }

  if (report.orphans.length) {
    heading(t('signoff.orphans'));
    paragraph(t('signoff.orphansHelp'));
    blocks.push({
      kind: 'table',
      caption: t('signoff.orphans'),
      columns: [
        t('export.column.id'),
        t('export.column.status'),
        t('export.column.comment'),
        t('export.column.tester'),
        t('export.column.date'),
        t('signoff.reason'),
      ],
      rows: report.orphans.map((o) => [
        o.id,
        status(o.status),
        o.comment,
        o.tester,
        time(o.time),
        orphanReasonLabel(locale, o.reason),
      ]),
      className: 'report-orphans',
    });
  }

  heading(t('signoff.decision'));
  blocks.push({
    kind: 'decision',
    decision: report.decision,
    text: report.decision ? decisionLabel(locale, report.decision) : '—',
  });
  if (report.notes) paragraph(report.notes, 'report-notes');
  paragraph(t('signoff.madeAt', { place: report.place || '…', date: report.date ? date(report.date) : '…' }));

  heading(t('signoff.signatures'));
  blocks.push({
    kind: 'table',
    caption: t('signoff.signatures'),
    columns: [t('signoff.party.role'), t('signoff.party.name'), t('export.column.date'), t('signoff.signature')],
    rows: report.parties.map((p) => [p.role, p.name, '', '']),
    className: 'report-signatures',
  });

  if (report.after.length) {
    heading(t('signoff.after'));
    blocks.push({
      kind: 'list',
      items: report.after.map((i) => ({ text: `${i.step} — ${status(i.status)}`, done: i.status === 'passed' })),
    });
  }

  heading(t('signoff.detail'), 'report-annex');
  for (const group of report.groups) {
    blocks.push({
      kind: 'section',
      className: 'report-group',
      blocks: [
        { kind: 'heading', level: 3, text: group.label },
        {
          kind: 'table',
          caption: group.label,
          columns: [
            t('export.column.id'),
            t('export.column.step'),
            t('export.column.status'),
            t('export.column.comment'),
            t('export.column.tester'),
            t('export.column.date'),
          ],
          rows: group.items.map((i) => [
            i.id,
            i.step,
            status(i.status) + (i.changed ? ` (${t('run.changedShort')})` : ''),
            [i.comment, i.defect ? t('export.md.defect', { defect: i.defect }) : ''].filter(Boolean).join(' — '),
            i.tester,
            time(i.time),
          ]),
          className: 'report-detail',
        },
      ],
    });
  }

  blocks.push(...attachmentTable(report, t));

  heading(t('signoff.stamp'), 'report-annex');
  paragraph(t('signoff.stampHelp'));
  blocks.push({
    kind: 'code',
    label: t('export.summary.build'),
    code: report.buildId ?? '—',
    className: 'report-build',
  });
  // The seal, once computed (seal-report.ts): the same value in every format of this sign-off.
  if (report.seal) {
    blocks.push({ kind: 'code', label: t('signoff.seal'), code: report.seal, className: 'report-seal' });
    paragraph(t('signoff.sealHelp'));
  }
  blocks.push({
    kind: 'table',
    caption: t('signoff.stamp'),
    columns: [t('export.table.change'), t('export.table.version'), t('export.table.title'), 'SHA-256'],
    rows: report.entries.map((e) => [e.id, e.version, e.title, e.hash]),
    code: [3],
    className: 'report-stamp',
  });

  return { locale, blocks };
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * What was executed in this run and what was carried over from earlier runs (checklist.md,
 * "Carrying results over"), with the runs the carried results came from: a reader sees what
 * was really run this time. Nothing when no result was carried.
 */
function executedBlocks(report: SignOffReport, t: T): ReportBlock[] {
  const { executed, carried } = report;
  if (carried.total === 0) return [];
  return [
    { kind: 'heading', level: 2, text: t('report.executed.title') },
    {
      kind: 'table',
      caption: t('report.executed.title'),
      columns: [t('report.executed.kind'), t('signoff.count')],
      rows: [
        [t('report.executed.here'), String(executed)],
        [t('report.executed.carried'), String(carried.total)],
      ],
      className: 'report-executed',
    },
    {
      kind: 'table',
      caption: t('report.executed.sources'),
      columns: [t('report.executed.run'), t('report.executed.runId'), t('signoff.count')],
      rows: carried.runs.map((r) => [r.name, r.id, String(r.count)]),
      code: [1],
      className: 'report-carried-runs',
    },
  ];
}

/**
 * Who ran what (checklist.md, "Team runs"): per tester, the results executed in this run by
 * status, how many were done and how many were carried over. Nothing when no result names
 * anyone: a run of one tester who gave no name has nothing to say here.
 */
function testerBlocks(report: SignOffReport, t: T): ReportBlock[] {
  if (!report.byTester.some((p) => p.tester !== '')) return [];
  const locale = report.locale;
  return [
    { kind: 'heading', level: 2, text: t('report.testers.title') },
    {
      kind: 'table',
      caption: t('report.testers.title'),
      columns: [
        t('export.column.tester'),
        ...STATUSES.filter((s) => s !== 'untested').map((s) => statusLabel(locale, s)),
        t('report.testers.done'),
        t('report.executed.carried'),
      ],
      rows: report.byTester.map((p) => [
        p.tester || t('report.testers.unnamed'),
        ...STATUSES.filter((s) => s !== 'untested').map((s) => String(p.counts[s])),
        String(p.done),
        String(p.carried),
      ]),
      className: 'report-testers',
    },
  ];
}

/** The thumbnails block of the failed and blocked items that have files; none when no such item has. */
function reserveEvidence(report: SignOffReport, caption: string): ReportBlock[] {
  const items = report.reserves
    .filter((i) => i.evidence?.length)
    .map((i) => ({ id: i.id, text: `${i.id} — ${i.step}`, files: i.evidence! }));
  return items.length ? [{ kind: 'evidence', caption, run: report.runId ?? null, product: report.product, items }] : [];
}

/** Every file attached to an item of the report, with its SHA-256; nothing when there is none. */
function attachmentTable(report: SignOffReport, t: (key: MessageKey) => string): ReportBlock[] {
  const rows = report.groups
    .flatMap((g) => g.items)
    .flatMap((i) => (i.evidence ?? []).map((f) => [i.id, f.name, f.type, String(f.size), f.sha256]));
  if (rows.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: t('report.evidence'), className: 'report-annex' },
    {
      kind: 'table',
      caption: t('report.evidence'),
      columns: [
        t('export.column.id'),
        t('report.evidence.name'),
        t('report.evidence.type'),
        t('report.evidence.size'),
        'SHA-256',
      ],
      rows,
      code: [4],
      className: 'report-evidence',
    },
  ];
}
