/**
 * A version's `knownIssues` (content-format.md, "Support and known issues"): each issue is
 * checked on its own against the closed lists of roadbook.yml, then, once every entry is
 * read, against the whole road book (unique ids, a `fixedBy` entry of a later version).
 */
import * as z from 'zod';
import type { DiagnosticList, Position } from '../diagnostics.ts';
import { KNOWN_ISSUE_SEVERITIES, type KnownIssue, type RoadBookConfig } from '../model.ts';
import { checkChoices } from './choices.ts';
import { date, id, identifierList, oneOf, text } from './fields.ts';
import { at, checkMapping, type Located } from './schema-check.ts';
import type { ReadVersion } from './version-folder.ts';
import { isPlainMap, type Plain } from './yaml.ts';

/** One known issue as written; `severity` defaults to `major`. */
export const knownIssueSchema = z.object({
  id,
  title: text,
  severity: oneOf(KNOWN_ISSUE_SEVERITIES).optional(),
  modules: identifierList(text).optional(),
  editions: identifierList(text).optional(),
  since: date.optional(),
  workaround: text.optional(),
  fixedBy: text.optional(),
});

/** Where an issue's values are written, for the checks that need the whole road book. */
export interface KnownIssuePositions {
  id: Position;
  fixedBy: Position;
}

/** A known issue as index.md writes it: `fixedIn` is settled once every entry is read. */
export interface WrittenKnownIssue {
  issue: KnownIssue;
  /** Its place in the list, for messages (`knownIssues[2].fixedBy`). */
  index: number;
  at: KnownIssuePositions;
}

/** Reads `knownIssues` (a list of mappings); issues with an error are left out, reported. */
export function readKnownIssues(value: Plain | undefined, where: Located, config: RoadBookConfig): WrittenKnownIssue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    where.diagnostics.error(
      'wrong-type',
      where.file,
      at(where, ['knownIssues']),
      '`knownIssues` must be a list of known issues (`- id: …`, `title: …`)',
    );
    return [];
  }
  const issues: WrittenKnownIssue[] = [];
  value.forEach((item, index) => {
    const path = ['knownIssues', index] as const;
    if (!isPlainMap(item)) {
      where.diagnostics.error(
        'wrong-type',
        where.file,
        at(where, path),
        `\`knownIssues[${index}]\` must be a mapping with \`id\`, \`title\` and optional \`severity\`, \`modules\`, \`editions\`, \`since\`, \`workaround\`, \`fixedBy\``,
      );
      return;
    }
    const raw = checkMapping(knownIssueSchema, item, where, path);
    if (!raw) return;
    const modules = raw.modules ?? [];
    const editions = raw.editions ?? [];
    const ok = [
      checkChoices(
        `knownIssues[${index}].modules`,
        modules,
        config.modules,
        where,
        [...path, 'modules'],
        'unknown-module',
      ),
      checkChoices(
        `knownIssues[${index}].editions`,
        editions,
        config.editions.length ? config.editions : null,
        where,
        [...path, 'editions'],
        'unknown-edition',
      ),
    ].every(Boolean);
    if (!ok) return;
    issues.push({
      issue: {
        id: raw.id,
        title: raw.title,
        severity: raw.severity ?? 'major',
        modules,
        editions,
        since: raw.since ?? null,
        workaround: raw.workaround ?? null,
        fixedBy: raw.fixedBy ?? null,
        fixedIn: null,
      },
      index,
      at: { id: at(where, [...path, 'id']), fixedBy: at(where, [...path, 'fixedBy']) },
    });
  });
  return issues;
}

/**
 * Known-issue ids unique in the road book; each `fixedBy` an entry of a later version (drafts
 * included: `check` reads them). Sets `fixedIn`, the fixing entry's version, on the issues
 * whose fix is found; an issue whose `fixedBy` is wrong is kept, unfixed, with the error.
 */
export function checkKnownIssues(read: ReadVersion[], diagnostics: DiagnosticList): void {
  const entries = new Map<string, { version: string; index: number }>();
  read.forEach((v, index) => {
    for (const { entry } of v.entries)
      if (!entries.has(entry.id)) entries.set(entry.id, { version: v.version.version, index });
  });
  const seen = new Map<string, string>();
  read.forEach((v, index) => {
    for (const { issue, index: i, at: where } of v.header.knownIssues) {
      const file = v.version.file;
      const field = `\`knownIssues[${i}].fixedBy\``;
      const first = seen.get(issue.id);
      if (first !== undefined) {
        diagnostics.error(
          'duplicate-known-issue-id',
          file,
          where.id,
          `The known issue id "${issue.id}" is already used in ${first}; known-issue ids are unique in the whole road book`,
        );
      } else seen.set(issue.id, file);
      if (issue.fixedBy === null) continue;
      const fix = entries.get(issue.fixedBy);
      if (!fix) {
        diagnostics.error(
          'unknown-fixed-by',
          file,
          where.fixedBy,
          `${field} names "${issue.fixedBy}", which no entry has as id`,
        );
      } else if (fix.index <= index) {
        diagnostics.error(
          'fixed-by-earlier',
          file,
          where.fixedBy,
          `${field} names "${issue.fixedBy}", an entry of ${fix.index === index ? 'this same version' : `an earlier version (${fix.version})`}; a known issue is fixed by an entry of a later version`,
        );
      } else issue.fixedIn = fix.version;
    }
  });
}

/**
 * What a build without drafts publishes of a fix written in a draft: nothing. The issue stays
 * open there (known-issues.ts), and no draft's entry is named on a published page.
 */
export function dropUnpublishedFixes(kept: readonly ReadVersion[]): void {
  const versions = new Set(kept.map((v) => v.version.version));
  for (const v of kept) {
    for (const issue of v.version.knownIssues) {
      if (issue.fixedIn !== null && versions.has(issue.fixedIn)) continue;
      issue.fixedBy = null;
      issue.fixedIn = null;
    }
  }
}

/** `endOfSupport` before the release date: a warning at `endOfSupport`. */
export function checkEndOfSupport(
  header: { version: string; date: string | null; endOfSupport: string | null },
  where: Located,
): void {
  if (header.date === null || header.endOfSupport === null || header.endOfSupport >= header.date) return;
  where.diagnostics.warning(
    'end-of-support-early',
    where.file,
    at(where, ['endOfSupport']),
    `\`endOfSupport\` (${header.endOfSupport}) is before the release date of ${header.version} (${header.date}); check both dates`,
  );
}
