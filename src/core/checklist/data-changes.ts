/**
 * What a path does to stored data (checklist.md, "Rollback view"): the changes of the
 * database structure first, then every entry with `data:`, each newest first. Superseded
 * entries are included (their data change happened) and no module or edition filter applies
 * (a rollback restores the whole database). The upgrade's `dataChanges` and the rollback view
 * are this same list.
 */
import { translate } from '../i18n/translate.ts';
import type { EntryRecord, Locale, VersionInfo } from '../model.ts';
import { entryUrl } from '../urls.ts';
import { canBeOnPath } from './path.ts';
import type { ChecklistSource, DataChange, PathSource } from './types.ts';

/**
 * The database structure each version needs: its own `database:` value, or else the value of
 * the version before it that can be on a path (drafts are skipped unless the build includes
 * them). Null while no version has declared one.
 */
export function effectiveDatabase(source: PathSource, version: VersionInfo): string | null {
  const index = source.versions.indexOf(version);
  for (let i = index; i >= 0; i--) {
    const v = source.versions[i]!;
    if (i !== index && !canBeOnPath(v, source.includeDrafts)) continue;
    if (v.database !== null && v.database !== '') return v.database;
  }
  return null;
}

/**
 * The version a path starts from for database purposes: `from`, or without it the version
 * before the first one on the path that can be on a path.
 */
function baselineOf(source: PathSource, from: VersionInfo | null, path: readonly VersionInfo[]): VersionInfo | null {
  if (from) return from;
  const first = path[0];
  if (!first) return null;
  for (let i = source.versions.indexOf(first) - 1; i >= 0; i--) {
    const v = source.versions[i]!;
    if (canBeOnPath(v, source.includeDrafts)) return v;
  }
  return null;
}

/**
 * Every change of the effective database value along the path, newest first. A change is
 * listed when both values are known and differ; a first declaration after versions without
 * any value is not a change (nothing says the structure was different before).
 */
export function databaseChanges(
  source: PathSource & { locale?: Locale },
  from: VersionInfo | null,
  path: readonly VersionInfo[],
): DataChange[] {
  const locale = source.locale ?? 'fr';
  const baseline = baselineOf(source, from, path);
  let previous = baseline ? effectiveDatabase(source, baseline) : null;
  const changes: DataChange[] = [];
  for (const version of path) {
    const current = effectiveDatabase(source, version);
    if (previous !== null && current !== null && current !== previous) {
      changes.push({
        kind: 'database',
        version: version.version,
        from: previous,
        to: current,
        text: translate(locale, 'checklist.databaseChange', { from: previous, to: current, version: version.version }),
      });
    }
    previous = current;
  }
  return changes.reverse();
}

/** Every entry with `data:` on the path, newest version first, in road book order within a version. */
export function entryDataChanges(
  source: Pick<ChecklistSource, 'base'>,
  path: readonly VersionInfo[],
  entriesOf: (slug: string) => readonly EntryRecord[],
  supersededIds: ReadonlySet<string>,
): DataChange[] {
  const changes: DataChange[] = [];
  for (const version of [...path].reverse()) {
    for (const entry of entriesOf(version.slug)) {
      if (!entry.data) continue;
      changes.push({
        kind: 'entry',
        entry: entry.id,
        version: entry.version,
        title: entry.title,
        text: entry.data,
        url: entryUrl(source.base, entry.versionSlug, entry.id),
        superseded: supersededIds.has(entry.id),
      });
    }
  }
  return changes;
}

/** Ids named in `supersedes` by an entry on the path. */
export function supersededOnPath(entries: readonly EntryRecord[]): Set<string> {
  return new Set(entries.flatMap((e) => e.supersedes));
}
