/**
 * Markdown (GFM): a title, the warnings, what cannot simply be undone, the required actions,
 * the known issues open in the target (with a better target) and those the upgrade fixes,
 * then a task list per module (`## Module`), one of the known issues' items and one per
 * strategic process. Each item reads
 * `- [ ] **step** → expect`, with its version, a link to its entry, its priority, menu and
 * setup on the next line, and the recorded result on a third when there is one (lines of an
 * item end with `\`, a hard line break); passed items are checked `[x]`. Text from content is escaped, so it never turns into markup.
 */
import { resultOf, type RunResults } from '../checklist/progress.ts';
import type { Checklist, ChecklistItem, ChecklistKnownIssue, DataChange } from '../checklist/types.ts';
import { translate } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';
import {
  betterTargetText,
  checklistTitle,
  groupLabel,
  knownIssueFacts,
  linkOf,
  localeOf,
  type ExportOptions,
} from './labels.ts';
import { priorityLabel, selectionText, statusLabel } from '../i18n/labels.ts';

/**
 * Inline text as literal Markdown: line breaks become spaces and every character that can
 * open inline markup (emphasis, code, links and images, HTML, entities, strikethrough, table
 * cells, a heading's closing `#`) is backslash-escaped; an `_` inside a word cannot, so
 * `PA_FLUX` stays as written. Text placed this way never starts a line, so block markers
 * (`-`, `+`, `1.`) need no escape.
 */
export function escapeMarkdown(text: string): string {
  // Each run of whitespace is matched once, and becomes one space when it holds a line break:
  // `\s*[\r\n]+\s*` would rescan a long run of spaces from each of them.
  return text
    .replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run))
    .trim()
    .replace(/[\\`*[\]<>#|~&]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => `\\${c}`);
}

/** A link destination: `<…>` form with `<`, `>` and spaces percent-encoded. */
function destination(url: string): string {
  return url.replace(/[<> ]/g, (c) => encodeURIComponent(c));
}

function itemLines(
  item: ChecklistItem,
  results: RunResults | undefined,
  locale: Locale,
  options?: ExportOptions,
): string[] {
  const result = resultOf(results, item.id);
  const box = result?.status === 'passed' ? '[x]' : '[ ]';
  const expect = item.expect ? ` → ${escapeMarkdown(item.expect)}` : '';
  const lines = [`- ${box} **${escapeMarkdown(item.step)}**${expect}`];
  const facts: string[] = [];
  if (item.entry !== null && item.url !== null) {
    facts.push(
      escapeMarkdown(item.version),
      `[${escapeMarkdown(item.entry)}](${destination(linkOf(item.url, options))})`,
    );
  }
  if (item.knownIssue !== null) facts.push(escapeMarkdown(item.version), escapeMarkdown(item.knownIssue));
  facts.push(translate(locale, 'export.md.priority', { priority: priorityLabel(locale, item.priority) }));
  if (item.menu) facts.push(translate(locale, 'export.step.menu', { menu: escapeMarkdown(item.menu) }));
  if (item.setup) facts.push(translate(locale, 'export.step.setup', { setup: escapeMarkdown(item.setup) }));
  lines.push(`  ${facts.join(' · ')}`);
  if (result && (result.status !== 'untested' || result.comment)) {
    const parts = [translate(locale, 'export.md.status', { status: statusLabel(locale, result.status) })];
    if (result.comment) parts.push(escapeMarkdown(result.comment));
    const who = [result.tester, result.time].filter((x): x is string => !!x).map(escapeMarkdown);
    if (who.length) parts.push(`(${who.join(', ')})`);
    if (result.defect) parts.push(translate(locale, 'export.md.defect', { defect: escapeMarkdown(result.defect) }));
    if (result.carriedFrom) {
      const { name, date } = result.carriedFrom;
      parts.push(translate(locale, 'export.md.carried', { run: escapeMarkdown(name), date: escapeMarkdown(date) }));
    }
    lines.push(`  ${parts.join(' — ')}`);
  }
  // A backslash at the end of a line is a hard line break: each fact line shows on its own.
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\\` : line));
}

/** `- **version** [entry](url) : text` (the colon as the language writes it). */
function changeLine(
  locale: Locale,
  version: string,
  entry: { id: string; url: string } | null,
  text: string,
  options?: ExportOptions,
): string {
  const link = entry ? ` [${escapeMarkdown(entry.id)}](${destination(linkOf(entry.url, options))})` : '';
  return `- ${translate(locale, 'export.md.labelled', { label: `**${escapeMarkdown(version)}**${link}`, text: escapeMarkdown(text) })}`;
}

/** `- **KI-12** (15.2.0) title — severity — workaround — fixed in …` */
function knownIssueLine(issue: ChecklistKnownIssue, locale: Locale): string {
  const facts = escapeMarkdown(knownIssueFacts(issue, locale));
  return `- **${escapeMarkdown(issue.id)}** (${escapeMarkdown(issue.version)}) ${escapeMarkdown(issue.title)} — ${facts}`;
}

function dataChangeLine(locale: Locale, change: DataChange, options?: ExportOptions): string {
  return change.kind === 'database'
    ? changeLine(locale, change.version, null, change.text, options)
    : changeLine(locale, change.version, { id: change.entry, url: change.url }, change.text, options);
}

export function exportMarkdown(checklist: Checklist, results?: RunResults, options?: ExportOptions): string {
  const locale = localeOf(checklist, options);
  const out: string[] = [`# ${escapeMarkdown(checklistTitle(checklist, locale))}`, ''];
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);

  const labelled = (label: string, text: string) => t('export.md.labelled', { label, text: escapeMarkdown(text) });
  out.push(
    `${labelled(t('export.summary.versions'), checklist.versions.join(', '))}  `,
    `${labelled(t('export.summary.modules'), selectionText('modules', checklist.labels.modules, checklist.modules, locale))}  `,
    labelled(
      t('export.summary.editions'),
      selectionText('editions', checklist.labels.editions, checklist.editions, locale),
    ),
    '',
  );
  for (const warning of checklist.warnings)
    out.push(`> **${t('export.md.warning')}** ${escapeMarkdown(warning.message)}`, '');

  if (checklist.dataChanges.length) {
    out.push(
      `## ${t('export.section.dataChanges')}`,
      '',
      ...checklist.dataChanges.map((c) => dataChangeLine(locale, c, options)),
      '',
    );
  }
  if (checklist.actions.length) {
    out.push(
      `## ${t('export.section.actions')}`,
      '',
      ...checklist.actions.map((a) => changeLine(locale, a.version, { id: a.entry, url: a.url }, a.text, options)),
      '',
    );
  }

  if (checklist.knownIssues.length) {
    const better = betterTargetText(checklist, locale);
    out.push(
      `## ${t('export.section.knownIssues')}`,
      '',
      ...checklist.knownIssues.map((issue) => knownIssueLine(issue, locale)),
      '',
      ...(better ? [escapeMarkdown(better), ''] : []),
    );
  }
  if (checklist.fixedOnPath.length) {
    out.push(
      `## ${t('export.section.fixedOnPath')}`,
      '',
      ...checklist.fixedOnPath.map((issue) => knownIssueLine(issue, locale)),
      '',
    );
  }

  const blankLine = () => {
    if (out.at(-1) !== '') out.push('');
  };
  let heading: string | null = null;
  let process: string | null = null;
  for (const item of checklist.items) {
    const group = groupLabel(checklist, item, locale);
    if (group !== heading) {
      blankLine();
      out.push(`## ${escapeMarkdown(group)}`, '');
      heading = group;
      process = null;
    }
    if (item.process !== null && item.process !== process) {
      blankLine();
      out.push(`### ${escapeMarkdown(item.title)}`, '');
      process = item.process;
    }
    out.push(...itemLines(item, results, locale, options));
  }
  if (checklist.items.length === 0) out.push(t('export.md.noItems'));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
