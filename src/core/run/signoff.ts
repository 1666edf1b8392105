/**
 * The sign-off report (PV de recette, checklist.md "Sign-off report") as plain data, which the printable page, the Markdown writer and the JUnit XML
 * writer all present. The report is stamped with the build id of the road book and with the
 * content hash of every entry of the checklist, so a republished road book shows what changed.
 *
 * What refuses the sign-off: signoff-problems.ts.
 */
import {
  NEEDS_COMMENT,
  resultOf,
  STATUSES,
  changedSince,
  type CarriedFrom,
  type RunResults,
  type Status,
} from '../checklist/progress.ts';
import type { Checklist, ChecklistItem, ChecklistKnownIssue } from '../checklist/types.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import { checklistTitle } from '../export/labels.ts';
import { labelOf, selectionText } from '../i18n/labels.ts';
import { PRIORITIES, type Locale, type Priority } from '../model.ts';
import { isProcedureItem, KNOWN_ISSUE_PREFIX, processGroupKey } from '../item-id.ts';
import { carriedSources } from './carry-over.ts';
import type { Attachment } from './evidence.ts';
import type { Procedure } from './procedure.ts';
import { executedAndCarried, progressByTester, type TesterProgress } from './testers.ts';
import type { SealedPath } from './seal.ts';
import type { Decision, SignOffForm, SignOffParty } from './types.ts';
import { orphanResults, progressOf, runView, type OrphanReason, type RunView } from './view.ts';

export interface ReportItem {
  id: string;
  entry: string | null;
  process: string | null;
  title: string;
  version: string;
  step: string;
  expect: string | null;
  priority: Priority;
  status: Status;
  comment: string;
  tester: string;
  time: string;
  defect: string;
  /** The item's content hash now (the entry's sha256; a digest for process and procedure steps). */
  hash: string;
  /** The result was recorded for another text of the item. */
  changed: boolean;
  url: string | null;
  /** The earlier run the result was carried over from; null when it was executed in this run. */
  carriedFrom: CarriedFrom | null;
  /** Files attached to the result (core/run/evidence.ts); absent when none. */
  evidence?: Attachment[];
}

export interface ReportGroup {
  /** `procedure`, a module id, `known:` (the known issues' items) or `process:<id>`. */
  id: string;
  label: string;
  /** The JUnit classname of its items' owner is the entry id; these are for the suite. */
  items: ReportItem[];
  counts: Record<Status, number>;
}

export interface SignOffReport {
  schema: 1;
  locale: Locale;
  title: string;
  product: string;
  from: string | null;
  to: string;
  versions: string[];
  modules: string;
  editions: string;
  buildId: string | null;
  /** When the report was made (ISO 8601). */
  generated: string;
  environment: string;
  place: string;
  date: string;
  testers: string[];
  decision: Decision | null;
  parties: SignOffParty[];
  notes: string;
  /** First and last result time of the items signed off. */
  period: { first: string | null; last: string | null };
  counts: Record<Status, number>;
  total: number;
  done: number;
  /** Procedure steps 1–2, each module's items, each process's steps. */
  groups: ReportGroup[];
  processes: { id: string; label: string; custom: boolean; counts: Record<Status, number>; total: number }[];
  /** Failed and blocked items, most urgent first. */
  reserves: ReportItem[];
  notRun: number;
  changed: ReportItem[];
  orphans: { id: string; status: Status; comment: string; tester: string; time: string; reason: OrphanReason }[];
  /** Procedure steps 6–7: what remains to do after the sign-off. */
  after: ReportItem[];
  warnings: string[];
  dataChanges: { version: string; entry: string | null; text: string }[];
  actions: { version: string; entry: string; text: string }[];
  /** The known issues open in the target (checklist.md, "Known issues on a path"): signing accepts them. */
  knownIssues: ChecklistKnownIssue[];
  /** The stamp: each entry of the checklist with its content hash. */
  entries: { id: string; version: string; title: string; hash: string; url: string }[];
  /** Items run (passed, failed, blocked, n/a) in this run itself, carried ones left out. */
  executed: number;
  /** Items whose result was carried over from earlier runs, and those runs. */
  carried: { total: number; runs: { id: string; name: string; count: number }[] };
  /** Who ran what: each tester's results, testers in the order of their first result. */
  byTester: TesterProgress[];
  /** The path as ids (seal.ts seals it; a verifier rebuilds the checklist from it). */
  path: SealedPath;
  /** The seal (seal-report.ts `withSeal`); absent until computed, which is asynchronous. */
  seal?: string;
  /** The run's id, when the report was made from a run of the page (evidence thumbnails). */
  runId?: string;
}

function reportItem(item: ChecklistItem, results: RunResults): ReportItem {
  const result = resultOf(results, item.id);
  return {
    id: item.id,
    entry: item.entry,
    process: item.process,
    title: item.title,
    version: item.version,
    step: item.step,
    expect: item.expect,
    priority: item.priority,
    status: result?.status ?? 'untested',
    // Only the end is trimmed: what the tester put first (a tab, an indent) is part of the comment.
    comment: result?.comment?.trimEnd() ?? '',
    tester: result?.tester?.trim() ?? '',
    time: result?.time ?? '',
    defect: result?.defect?.trim() ?? '',
    hash: item.hash,
    changed: changedSince(result, item),
    url: item.url,
    carriedFrom: result?.carriedFrom ? { ...result.carriedFrom } : null,
    ...(result?.evidence?.length ? { evidence: result.evidence } : {}),
  };
}

function counts(items: readonly ReportItem[]): Record<Status, number> {
  const c = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const i of items) c[i.status]++;
  return c;
}

export interface ReportInput {
  checklist: Checklist;
  procedure: Procedure;
  results: RunResults;
  form: SignOffForm;
  /** Ids of every entry of the versions on the path (for results whose item is gone). */
  pathEntryIds: ReadonlySet<string>;
  now: Date;
  locale?: Locale;
  /** The run's id: where the page finds the attached files' bytes (absent outside the page). */
  runId?: string;
}

export function signOffReport(input: ReportInput): SignOffReport {
  const { checklist, procedure, results, form } = input;
  const locale = input.locale ?? checklist.locale;
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const view: RunView = runView(checklist, procedure);
  const progress = progressOf(view.signOffItems, results);

  const groups: ReportGroup[] = [];
  const push = (id: string, label: string, item: ReportItem) => {
    let group = groups.at(-1);
    if (!group || group.id !== id) groups.push((group = { id, label, items: [], counts: counts([]) }));
    group.items.push(item);
    group.counts[item.status]++;
  };
  for (const item of view.signOffItems) {
    const row = reportItem(item, results);
    if (isProcedureItem(item.id)) push('procedure', t('procedure.title'), row);
    else if (item.knownIssue !== null) push(KNOWN_ISSUE_PREFIX, t('export.knownIssues'), row);
    else if (item.process !== null)
      push(processGroupKey(item.process), t('signoff.processGroup', { label: item.title }), row);
    else push(item.module ?? '', labelOf(checklist.labels.modules, item.module ?? ''), row);
  }
  const all = groups.flatMap((g) => g.items);
  const times = all
    .map((i) => i.time)
    .filter((x) => x !== '')
    .sort();
  const testers = [
    ...new Set(
      [...form.testers.split(/[,;\n]/), ...all.map((i) => i.tester)].map((s) => s.trim()).filter((s) => s !== ''),
    ),
  ];

  return {
    schema: 1,
    ...(input.runId ? { runId: input.runId } : {}),
    locale,
    title: t('signoff.reportTitle', { title: checklistTitle(checklist, locale) }),
    product: checklist.product,
    from: checklist.from,
    to: checklist.to,
    versions: [...checklist.versions],
    modules: selectionText('modules', checklist.labels.modules, checklist.modules, locale),
    editions: selectionText('editions', checklist.labels.editions, checklist.editions, locale),
    buildId: checklist.buildId,
    generated: input.now.toISOString(),
    environment: form.environment.trim(),
    place: form.place.trim(),
    date: form.date.trim(),
    testers,
    decision: form.decision,
    parties: form.parties
      .filter((p) => p.role.trim() || p.name.trim())
      .map((p) => ({ role: p.role.trim(), name: p.name.trim() })),
    notes: form.notes.trim(),
    period: { first: times[0] ?? null, last: times.at(-1) ?? null },
    counts: progress.counts,
    total: progress.total,
    done: progress.done,
    groups,
    processes: checklist.processes.map((p) => {
      const items = groups.find((g) => g.id === processGroupKey(p.id))?.items ?? [];
      return { id: p.id, label: p.label, custom: p.custom, counts: counts(items), total: items.length };
    }),
    reserves: all
      .filter((i) => NEEDS_COMMENT.includes(i.status))
      .sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority)),
    notRun: progress.counts.untested + progress.counts.retest,
    changed: all.filter((i) => i.changed),
    orphans: orphanResults(view, checklist, results, input.pathEntryIds).map((o) => ({
      id: o.id,
      status: o.result.status,
      comment: o.result.comment ?? '',
      tester: o.result.tester ?? '',
      time: o.result.time ?? '',
      reason: o.reason,
    })),
    after: procedure.after.map((i) => reportItem(i, results)),
    warnings: checklist.warnings.map((w) => w.message),
    dataChanges: checklist.dataChanges.map((c) =>
      c.kind === 'database'
        ? { version: c.version, entry: null, text: c.text }
        : { version: c.version, entry: c.entry, text: c.text },
    ),
    actions: checklist.actions.map((a) => ({ version: a.version, entry: a.entry, text: a.text })),
    knownIssues: checklist.knownIssues.map((issue) => ({
      ...issue,
      modules: [...issue.modules],
      editions: [...issue.editions],
    })),
    entries: checklist.entries.map((e) => ({ id: e.id, version: e.version, title: e.title, hash: e.hash, url: e.url })),
    ...teamFacts(view.signOffItems, results),
    path: {
      from: checklist.from,
      to: checklist.to,
      modules: [...checklist.modules],
      editions: [...checklist.editions],
      processes: checklist.processes.map((p) =>
        p.custom ? { id: p.id, label: p.label, modules: [...p.modules], steps: [...p.steps] } : p.id,
      ),
    },
  };
}

/** What the report says of a team run: executed and carried results apart, and who ran what. */
function teamFacts(
  items: readonly ChecklistItem[],
  results: RunResults,
): Pick<SignOffReport, 'executed' | 'carried' | 'byTester'> {
  const { executed, carried } = executedAndCarried(items, results);
  return {
    executed,
    carried: { total: carried, runs: carriedSources(items, results) },
    byTester: progressByTester(items, results),
  };
}
