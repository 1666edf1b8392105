/**
 * The checklist of an upgrade path (checklist.md, "The upgrade path"): the versions on the
 * path, superseded entries dropped (decided on the whole path, before any filter), module and
 * edition filters, then every remaining entry's items ordered by module, version, entry, item;
 * the items of the target's open known issues come after them, the chosen processes' steps
 * last.
 */
import type { EntryRecord, VersionInfo } from '../model.ts';
import { entryUrl, versionUrl } from '../urls.ts';
import { entryItems, processItems } from './checklist-items.ts';
import { databaseChanges, entryDataChanges, supersededOnPath } from './data-changes.ts';
import { inEditions, listedModule, moduleOrder } from './entry-filters.ts';
import { pathKnownIssues } from './known-issues.ts';
import { draftWarnings, minimumWarnings } from './path-warnings.ts';
import { planPath, type PlanOptions } from './path.ts';
import type { Checklist, ChecklistEntry, ChecklistRequest, ChecklistSource, PathVersion } from './types.ts';

/** An entry on the path with where it stands in road book order. */
interface Placed {
  entry: EntryRecord;
  versionIndex: number;
  entryIndex: number;
}

function pathVersion(base: string, version: VersionInfo): PathVersion {
  const { slug, date, status, title, installer, minimumFrom, database, endOfSupport } = version;
  return {
    version: version.version,
    slug,
    date,
    status,
    title,
    installer,
    minimumFrom,
    database,
    endOfSupport,
    url: versionUrl(base, slug),
  };
}

/**
 * The checklist of a request. Throws a `ChecklistError` when the request names an unknown
 * version, module, edition or process, a withdrawn or draft target, or `from ≥ to`.
 */
export function buildChecklist(
  source: ChecklistSource,
  request: ChecklistRequest,
  options: PlanOptions = {},
): Checklist {
  const plan = planPath(source, request, options);
  if (!plan.ok) throw plan.error;

  // Every entry on the path, in road book order.
  const placed: Placed[] = [];
  const perVersion = new Map<string, EntryRecord[]>();
  for (const version of plan.versions) {
    const versionIndex = source.versions.indexOf(version);
    const entries = source.entriesOf(version.slug);
    perVersion.set(version.slug, entries);
    entries.forEach((entry, entryIndex) => placed.push({ entry, versionIndex, entryIndex }));
  }
  const onPath = placed.map((p) => p.entry);

  // Supersedes, on the whole path before any filter.
  const supersededIds = supersededOnPath(onPath);
  const kept = placed.filter((p) => !supersededIds.has(p.entry.id));

  // Filters; each entry once, under its first selected module.
  const byModule = moduleOrder(source.modules);
  const listed = kept
    .filter((p) => inEditions(p.entry, plan.editions))
    .map((p) => ({ ...p, module: listedModule(p.entry, plan.modules) }))
    .filter((p): p is Placed & { module: string } => p.module !== null)
    .sort((a, b) => byModule(a.module, b.module) || a.versionIndex - b.versionIndex || a.entryIndex - b.entryIndex);

  const urlOf = (e: EntryRecord) => entryUrl(source.base, e.versionSlug, e.id);
  const entries: ChecklistEntry[] = listed.map(({ entry, module }) => ({
    id: entry.id,
    version: entry.version,
    versionSlug: entry.versionSlug,
    title: entry.title,
    type: entry.type,
    modules: [...entry.modules],
    module,
    editions: [...entry.editions],
    breaking: entry.breaking,
    data: entry.data,
    action: entry.action,
    tickets: [...entry.tickets],
    supersedes: [...entry.supersedes],
    url: urlOf(entry),
    hash: entry.hash,
    itemCount: entry.items.length,
  }));

  // Path order (oldest first) for actions and breaking changes, whatever the module.
  const inPathOrder = [...listed].sort((a, b) => a.versionIndex - b.versionIndex || a.entryIndex - b.entryIndex);
  // Known issues: their items in a group of their own, after the changes, before the processes.
  const known = pathKnownIssues(source, plan, source.locale);
  const items = [
    ...listed.flatMap(({ entry, module }) => entryItems(entry, module, urlOf(entry))),
    ...known.items,
    ...plan.processes.flatMap(({ process }) => processItems(process, plan.to)),
  ];

  const supersededBy = new Map<string, string[]>();
  for (const e of onPath) {
    for (const id of e.supersedes) {
      const list = supersededBy.get(id);
      if (list) list.push(e.id);
      else supersededBy.set(id, [e.id]);
    }
  }
  const dataChanges = [
    ...databaseChanges(source, plan.from, plan.versions),
    ...entryDataChanges(source, plan.versions, (slug) => perVersion.get(slug) ?? [], supersededIds),
  ];

  return {
    schema: 1,
    product: source.product,
    locale: source.locale,
    buildId: source.buildId ?? null,
    from: plan.from?.version ?? null,
    to: plan.to.version,
    modules: plan.modules,
    editions: plan.editions,
    versions: plan.versions.map((v) => v.version),
    path: {
      from: plan.from ? pathVersion(source.base, plan.from) : null,
      to: pathVersion(source.base, plan.to),
      versions: plan.versions.map((v) => pathVersion(source.base, v)),
    },
    warnings: [...minimumWarnings(source, plan), ...draftWarnings(source, plan)],
    dataChanges,
    actions: inPathOrder
      .filter(({ entry }) => entry.action)
      .map(({ entry }) => ({
        entry: entry.id,
        version: entry.version,
        title: entry.title,
        text: entry.action!,
        url: urlOf(entry),
      })),
    breaking: inPathOrder
      .filter(({ entry }) => entry.breaking)
      .map(({ entry }) => ({
        entry: entry.id,
        version: entry.version,
        title: entry.title,
        modules: [...entry.modules],
        url: urlOf(entry),
      })),
    superseded: placed
      .filter((p) => supersededIds.has(p.entry.id))
      .map(({ entry }) => ({
        entry: entry.id,
        version: entry.version,
        title: entry.title,
        by: supersededBy.get(entry.id) ?? [],
      })),
    processes: plan.processes.map(({ process, custom }) => ({
      id: process.id,
      label: process.label,
      modules: [...process.modules],
      custom,
      steps: [...process.steps],
    })),
    entries,
    knownIssues: known.knownIssues,
    fixedOnPath: known.fixedOnPath,
    betterTarget: known.betterTarget,
    items,
    labels: {
      modules: source.modules.map(({ id, label }) => ({ id, label })),
      editions: source.editions.map(({ id, label }) => ({ id, label })),
      types: source.types.map(({ id, label }) => ({ id, label })),
    },
  };
}
