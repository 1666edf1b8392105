/**
 * The shape of a sign-off report's content (report-document.ts): blocks of plain text that
 * each format presents in its own way.
 */
import type { Locale } from '../model.ts';
import type { Attachment } from './evidence.ts';
import type { Decision } from './types.ts';

/** 1: the report's title; 2: a part of it; 3: a group of the annex. */
export type HeadingLevel = 1 | 2 | 3;

export interface ReportTable {
  kind: 'table';
  /** Says what the table holds (the page gives it to screen readers). */
  caption: string;
  columns: string[];
  rows: string[][];
  /** A last row that sums the others up (shown strong on the page). */
  total?: string[];
  /** Indexes of the columns whose cells are code (hashes). */
  code?: number[];
  className?: string;
}

export interface ReportListItem {
  text: string;
  /** A task: done or still to do (a check box). */
  done?: boolean;
}

export type ReportBlock =
  | { kind: 'heading'; level: HeadingLevel; text: string; className?: string }
  /** Label–value pairs: `columns` names the two for formats that need a header. */
  | { kind: 'facts'; columns: [string, string]; rows: [string, string][] }
  | ReportTable
  | { kind: 'list'; items: ReportListItem[] }
  | { kind: 'paragraph'; text: string; className?: string }
  | { kind: 'decision'; decision: Decision | null; text: string }
  /** A label and a code value (the build id). */
  | { kind: 'code'; label: string; code: string; className?: string }
  /**
   * Thumbnails of the files attached to failed and blocked items: the page draws them from
   * the browser's storage (`run`); text formats skip the block, the attachments table lists
   * every file with its SHA-256.
   */
  | { kind: 'evidence'; caption: string; run: string | null; product: string; items: ReportEvidence[] }
  /** Blocks that belong together (a group of the annex). */
  | { kind: 'section'; className?: string; blocks: ReportBlock[] };

/** One item's attached files, with what names the item. */
export interface ReportEvidence {
  id: string;
  text: string;
  files: Attachment[];
}

export interface ReportDocument {
  locale: Locale;
  blocks: ReportBlock[];
}
