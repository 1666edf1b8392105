/**
 * Which versions a path holds, and whether a request can be answered at all (checklist.md,
 * "The upgrade path", rule 1). Works on version metadata only, so the browser can plan a path
 * and then load only the per-version files it needs.
 *
 * Order is the order of `versions` (the caller gives them in version order, the reader sorts
 * them with `compareVersions`); `compareVersions` is only used to match what a person typed.
 */
import { isValidId } from '../items.ts';
import { translate } from '../i18n/translate.ts';
import type { Locale, Process, VersionInfo } from '../model.ts';
import { compareVersions, isVersion, type VersionWords } from '../versions.ts';
import { ChecklistError, checklistError, formatChoices, type ChecklistField } from './error.ts';
import type { ChecklistRequest, PathSource } from './types.ts';

/** A request checked against the road book, with every name resolved. */
export interface PathPlan {
  ok: true;
  from: VersionInfo | null;
  to: VersionInfo;
  /** Versions on the path, oldest first: the ones whose entries the checklist needs. */
  versions: VersionInfo[];
  /** Selected module ids, in roadbook order, without duplicates. */
  modules: string[];
  /** Selected edition ids, in roadbook order, without duplicates. */
  editions: string[];
  /** Processes to re-check, in the order asked, catalogue ids resolved. */
  processes: { process: Process; custom: boolean }[];
}

export type PathResult = PathPlan | { ok: false; error: ChecklistError };

export interface RollbackPlan {
  ok: true;
  newer: VersionInfo;
  older: VersionInfo;
  /** Versions with older < v ≤ newer, oldest first. */
  versions: VersionInfo[];
}

export type RollbackResult = RollbackPlan | { ok: false; error: ChecklistError };

function localeOf(source: PathSource): Locale {
  return source.locale ?? 'fr';
}

/**
 * The known version a person means by `text`: the version string as written, its slug (URL
 * form), or a version that compares equal (`15.3` finds `15.3.0`, `v16.0.0` finds `16.0.0`).
 */
export function findVersion(versions: readonly VersionInfo[], text: string, words?: VersionWords): VersionInfo | null {
  const wanted = text.trim();
  if (!wanted) return null;
  return (
    versions.find((v) => v.version === wanted) ??
    versions.find((v) => v.slug === wanted) ??
    (isVersion(wanted, words) ? versions.find((v) => compareVersions(v.version, wanted, words) === 0) : undefined) ??
    null
  );
}

/** Whether a version can be on a path: published or withdrawn; a draft only in a build with drafts. */
export function canBeOnPath(version: VersionInfo, includeDrafts = false): boolean {
  return version.status !== 'draft' || includeDrafts;
}

/** Whether a version can be the target of an upgrade. */
export function canBeTarget(version: VersionInfo, includeDrafts = false): boolean {
  return version.status === 'published' || (includeDrafts && version.status === 'draft');
}

/** Versions strictly after `lower` (or from the start when null) up to and including `upper`, that can be on a path. */
export function versionsBetween(source: PathSource, lower: VersionInfo | null, upper: VersionInfo): VersionInfo[] {
  const start = lower ? source.versions.indexOf(lower) + 1 : source.versions.indexOf(upper);
  const end = source.versions.indexOf(upper);
  return source.versions.slice(start, end + 1).filter((v) => canBeOnPath(v, source.includeDrafts));
}

function resolveVersion(source: PathSource, text: string, field: ChecklistField): VersionInfo | ChecklistError {
  const found = findVersion(source.versions, text, source.versionWords);
  if (found) return found;
  const locale = localeOf(source);
  const choices =
    field === 'to'
      ? source.versions.filter((v) => canBeTarget(v, source.includeDrafts)).map((v) => v.version)
      : source.versions.map((v) => v.version);
  return checklistError(
    locale,
    'unknown-version',
    'checklist.error.unknownVersion',
    { field, value: text, choices },
    { role: translate(locale, `checklist.role.${field as 'from' | 'to' | 'newer' | 'older'}`) },
  );
}

/** Ids asked for, checked against a closed list, returned in the list's order without duplicates. */
function resolveChoices(
  source: PathSource,
  asked: readonly string[] | undefined,
  field: 'modules' | 'editions',
): string[] | ChecklistError {
  const known = source[field];
  const wanted = new Set((asked ?? []).map((id) => id.trim()).filter((id) => id !== ''));
  const unknown = [...wanted].find((id) => !known.some((c) => c.id === id));
  if (unknown !== undefined) {
    const code = field === 'modules' ? 'unknown-module' : 'unknown-edition';
    const key = field === 'modules' ? 'checklist.error.unknownModule' : 'checklist.error.unknownEdition';
    // The message names each choice with its label; the details keep the ids.
    const shown = known.map((c) => (c.label && c.label !== c.id ? `${c.id} (${c.label})` : c.id));
    const locale = localeOf(source);
    return checklistError(
      locale,
      code,
      key,
      { field, value: unknown, choices: known.map((c) => c.id) },
      { choices: formatChoices(locale, shown) },
    );
  }
  return known.filter((c) => wanted.has(c.id)).map((c) => c.id);
}

function isProcess(value: unknown): value is Process {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<Process>;
  const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((s) => typeof s === 'string');
  return (
    typeof p.id === 'string' &&
    isValidId(p.id) &&
    typeof p.label === 'string' &&
    p.label.trim() !== '' &&
    strings(p.modules) &&
    strings(p.steps) &&
    p.steps.length > 0 &&
    p.steps.every((s) => s.trim() !== '')
  );
}

function resolveProcesses(
  source: PathSource,
  asked: ChecklistRequest['processes'],
): PathPlan['processes'] | ChecklistError {
  const catalogue = source.processes ?? [];
  const locale = localeOf(source);
  const seen = new Set<string>();
  const result: PathPlan['processes'] = [];
  for (const wanted of asked ?? []) {
    if (typeof wanted === 'string') {
      const process = catalogue.find((p) => p.id === wanted.trim());
      if (!process) {
        return checklistError(locale, 'unknown-process', 'checklist.error.unknownProcess', {
          field: 'processes',
          value: wanted,
          choices: catalogue.map((p) => p.id),
        });
      }
      if (!seen.has(process.id)) result.push({ process, custom: false });
      seen.add(process.id);
      continue;
    }
    if (!isProcess(wanted)) {
      const value =
        typeof (wanted as { id?: unknown })?.id === 'string' ? (wanted as { id: string }).id : String(wanted);
      return checklistError(locale, 'invalid-process', 'checklist.error.invalidProcess', {
        field: 'processes',
        value,
        choices: [],
      });
    }
    if (!seen.has(wanted.id)) {
      const { id, label, modules, steps } = wanted;
      result.push({ process: { id, label, modules: [...modules], steps: [...steps] }, custom: true });
    }
    seen.add(wanted.id);
  }
  return result;
}

/** How far a request may go beyond what a new upgrade may ask. */
export interface PlanOptions {
  /**
   * Accept a withdrawn target: the checklist of a run started before its target was
   * withdrawn, shown read-only with what was recorded (never for a new run).
   */
  withdrawnTarget?: boolean;
}

/**
 * Checks a request and lists the versions on its path: every version `v` with
 * `from < v ≤ to` that can be on a path (withdrawn ones included). Without `from`, the path
 * is version `to` alone.
 */
export function planPath(source: PathSource, request: ChecklistRequest, options: PlanOptions = {}): PathResult {
  const locale = localeOf(source);
  const fail = (error: ChecklistError): PathResult => ({ ok: false, error });
  const toText = typeof request.to === 'string' ? request.to.trim() : '';
  if (!toText) {
    return fail(
      checklistError(locale, 'missing-to', 'checklist.error.missingTo', {
        field: 'to',
        value: '',
        choices: source.versions.filter((v) => canBeTarget(v, source.includeDrafts)).map((v) => v.version),
      }),
    );
  }
  const to = resolveVersion(source, toText, 'to');
  if (to instanceof ChecklistError) return fail(to);
  const fromText = request.from?.trim() ? request.from.trim() : null;
  const from = fromText === null ? null : resolveVersion(source, fromText, 'from');
  if (from instanceof ChecklistError) return fail(from);

  if (!canBeTarget(to, source.includeDrafts) && !(options.withdrawnTarget && to.status === 'withdrawn')) {
    const withdrawn = to.status === 'withdrawn';
    return fail(
      checklistError(
        locale,
        withdrawn ? 'to-withdrawn' : 'to-draft',
        withdrawn ? 'checklist.error.toWithdrawn' : 'checklist.error.toDraft',
        {
          field: 'to',
          value: to.version,
          choices: source.versions.filter((v) => canBeTarget(v, source.includeDrafts)).map((v) => v.version),
        },
      ),
    );
  }
  if (from !== null) {
    const order = source.versions.indexOf(from) - source.versions.indexOf(to);
    if (order >= 0) {
      return fail(
        checklistError(
          locale,
          'from-not-before-to',
          order === 0 ? 'checklist.error.sameVersion' : 'checklist.error.fromAfterTo',
          { field: 'from', value: from.version, choices: [] },
          { from: from.version, to: to.version },
        ),
      );
    }
  }

  const modules = resolveChoices(source, request.modules, 'modules');
  if (modules instanceof ChecklistError) return fail(modules);
  const editions = resolveChoices(source, request.editions, 'editions');
  if (editions instanceof ChecklistError) return fail(editions);
  const processes = resolveProcesses(source, request.processes);
  if (processes instanceof ChecklistError) return fail(processes);

  return { ok: true, from, to, versions: versionsBetween(source, from, to), modules, editions, processes };
}

/**
 * Checks a rollback question (going back from `newer` to `older`) and lists the versions
 * between them: every version `v` with `older < v ≤ newer` that can be on a path. Any known
 * version may be either end, withdrawn ones included.
 */
export function planRollback(source: PathSource, newer: string, older: string): RollbackResult {
  const newerVersion = resolveVersion(source, newer, 'newer');
  if (newerVersion instanceof ChecklistError) return { ok: false, error: newerVersion };
  const olderVersion = resolveVersion(source, older, 'older');
  if (olderVersion instanceof ChecklistError) return { ok: false, error: olderVersion };
  if (source.versions.indexOf(olderVersion) >= source.versions.indexOf(newerVersion)) {
    const error = checklistError(
      localeOf(source),
      'rollback-order',
      'checklist.error.rollbackOrder',
      { field: 'older', value: olderVersion.version, choices: [] },
      { newer: newerVersion.version, older: olderVersion.version },
    );
    return { ok: false, error };
  }
  return {
    ok: true,
    newer: newerVersion,
    older: olderVersion,
    versions: versionsBetween(source, olderVersion, newerVersion),
  };
}
