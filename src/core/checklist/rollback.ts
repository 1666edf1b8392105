/**
 * The rollback view (checklist.md, "Rollback view"): going back from `newer` to `older`,
 * what cannot simply be undone. Database structure changes first, then every entry with
 * `data:` between them, newest first; superseded entries included, no module filter.
 */
import type { EntryRecord } from '../model.ts';
import { databaseChanges, entryDataChanges, supersededOnPath } from './data-changes.ts';
import { planRollback } from './path.ts';
import type { ChecklistSource, Rollback } from './types.ts';

/** Throws a `ChecklistError` when a version is unknown or `older` is not before `newer`. */
export function rollback(source: ChecklistSource, newer: string, older: string): Rollback {
  const plan = planRollback(source, newer, older);
  if (!plan.ok) throw plan.error;
  const perVersion = new Map<string, EntryRecord[]>(plan.versions.map((v) => [v.slug, source.entriesOf(v.slug)]));
  const supersededIds = supersededOnPath([...perVersion.values()].flat());
  return {
    newer: plan.newer.version,
    older: plan.older.version,
    versions: plan.versions.map((v) => v.version),
    dataChanges: [
      ...databaseChanges(source, plan.older, plan.versions),
      ...entryDataChanges(source, plan.versions, (slug) => perVersion.get(slug) ?? [], supersededIds),
    ],
  };
}
