/**
 * The sign-off report as Markdown (GFM): the blocks of report-document.ts, which decides what
 * the report says and in which order, written out. Every text is escaped here, so what came
 * from content and from testers never turns into markup; times are written in UTC.
 */
import { escapeMarkdown } from '../export/markdown.ts';
import { utcMinute } from '../i18n/format.ts';
import { translate } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';
import type { ReportBlock } from './report-blocks.ts';
import { reportDocument } from './report-document.ts';
import { sealTail } from './seal-markdown.ts';
import { reportSealData, withSeal } from './seal-report.ts';
import type { SignOffReport } from './signoff.ts';

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(row)];
}

/** A code span that holds `code` whatever backticks it has. */
function codeSpan(code: string): string {
  const fence = '`'.repeat(Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/** The lines of a block, without the blank line that follows it. */
function lines(block: ReportBlock, locale: Locale): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`];
    case 'facts':
      return table(block.columns, block.rows);
    case 'table':
      return table(block.columns, block.total ? [...block.rows, block.total] : block.rows);
    case 'list':
      return block.items.map(
        (i) => `- ${i.done === undefined ? '' : i.done ? '[x] ' : '[ ] '}${escapeMarkdown(i.text)}`,
      );
    case 'paragraph':
      return [escapeMarkdown(block.text)];
    case 'decision':
      return [`**${escapeMarkdown(block.text)}**`];
    case 'code':
      return [
        translate(locale, 'export.md.labelled', { label: escapeMarkdown(block.label), text: codeSpan(block.code) }),
      ];
    case 'section':
      return block.blocks.flatMap((b, i) => (i === 0 ? lines(b, locale) : ['', ...lines(b, locale)]));
    case 'evidence':
      // Thumbnails are for the page; the attachments table lists each file with its hash.
      return [];
  }
}

export function signOffMarkdown(report: SignOffReport): string {
  const { locale, blocks } = reportDocument(report, { time: utcMinute });
  const written = blocks.map((b) => lines(b, locale)).filter((l) => l.length > 0);
  return `${written.map((l) => l.join('\n')).join('\n\n')}\n`;
}

/** The report as Markdown, sealed (where it can be: seal.ts `canSeal`): its seal in the annex, then the sealed data (seal-markdown.ts). */
export async function sealedSignOffMarkdown(report: SignOffReport): Promise<string> {
  const sealed = await withSeal(report);
  const body = signOffMarkdown(sealed);
  if (!sealed.seal) return body;
  return `${body}\n${await sealTail(`${body}\n`, reportSealData(sealed), sealed.seal, sealed.locale)}`;
}
