/**
 * The checklist of an upgrade path (checklist.md, "The upgrade path"): the versions on the
 * path, superseded entries dropped (decided on the whole path, before any filter), module and
 * edition filters, then every remaining entry's items ordered by module, version, entry, item;
 * the chosen processes' steps come after them.
 */
import { escapeHtml } from '../escape.ts';
import { translate } from '../i18n/translate.ts';
import { processItemId } from '../item-id.ts';
import type { EntryRecord, Process, VersionInfo } from '../model.ts';
import { entryUrl, versionUrl } from '../urls.ts';
import { compareVersions } from '../versions.ts';
import { databaseChanges, entryDataChanges, supersededOnPath } from './data-changes.ts';
import { textDigest } from './digest.ts';
import { canBeTarget, findVersion, planPath, type PathPlan, type PlanOptions } from './path.ts';
import type {
  Checklist,
  ChecklistEntry,
  ChecklistItem,
  ChecklistRequest,
  ChecklistSource,
  ChecklistWarning,
  PathVersion,
} from './types.ts';

/** An entry on the path with where it stands in road book order. */
interface Placed {
  entry: EntryRecord;
  versionIndex: number;
  entryIndex: number;
}

/** The entry's first module that is selected (its first module when none is). */
export function listedModule(entry: Pick<EntryRecord, 'modules'>, selected: readonly string[]): string | null {
  if (selected.length === 0) return entry.modules[0] ?? '';
  return entry.modules.find((m) => selected.includes(m)) ?? null;
}

/** Whether an entry is for one of the selected editions: an entry with no editions is for all. */
export function inEditions(entry: Pick<EntryRecord, 'editions'>, selected: readonly string[]): boolean {
  return selected.length === 0 || entry.editions.length === 0 || entry.editions.some((e) => selected.includes(e));
}

/**
 * Orders module ids: the modules of roadbook.yml in their order, then any other module
 * alphabetically.
 */
export function moduleOrder(known: readonly { id: string }[]): (a: string, b: string) => number {
  const rank = new Map(known.map((m, i) => [m.id, i]));
  return (a, b) => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

function pathVersion(base: string, version: VersionInfo): PathVersion {
  const { slug, date, status, title, installer, minimumFrom, database } = version;
  return {
    version: version.version,
    slug,
    date,
    status,
    title,
    installer,
    minimumFrom,
    database,
    url: versionUrl(base, slug),
  };
}

/** One `minimum-from` warning per minimum above `from`, for the oldest version that declares it. */
function minimumWarnings(source: ChecklistSource, plan: PathPlan): ChecklistWarning[] {
  const { from } = plan;
  if (!from) return [];
  const words = source.versionWords;
  const warnings: ChecklistWarning[] = [];
  const seen = new Set<string>();
  for (const version of plan.versions) {
    const minimum = version.minimumFrom;
    if (!minimum || compareVersions(minimum, from.version, words) <= 0) continue;
    const known = findVersion(source.versions, minimum, words);
    const key = known?.slug ?? minimum;
    if (seen.has(key)) continue;
    seen.add(key);
    // The version to install first: the oldest one that can be a target at or above the minimum.
    const install =
      source.versions.find(
        (v) => canBeTarget(v, source.includeDrafts) && compareVersions(v.version, minimum, words) >= 0,
      ) ?? known;
    const installText = install?.version ?? minimum;
    warnings.push({
      code: 'minimum-from',
      message: translate(source.locale, 'checklist.warning.minimumFrom', {
        version: version.version,
        minimum: known?.version ?? minimum,
        install: installText,
        to: plan.to.version,
      }),
      version: version.version,
      minimumFrom: known?.version ?? minimum,
      install: installText,
    });
  }
  return warnings;
}

function draftWarnings(source: ChecklistSource, plan: PathPlan): ChecklistWarning[] {
  return plan.versions
    .filter((v) => v.status === 'draft')
    .map((v) => ({
      code: 'draft' as const,
      message: translate(source.locale, 'checklist.warning.draft', { version: v.version }),
      version: v.version,
    }));
}

function entryItems(entry: EntryRecord, module: string, url: string): ChecklistItem[] {
  return entry.items.map((item) => ({
    id: item.id,
    key: item.key,
    entry: entry.id,
    process: null,
    title: entry.title,
    version: entry.version,
    module,
    modules: [...entry.modules],
    type: entry.type,
    step: item.step,
    stepHtml: item.stepHtml,
    expect: item.expect,
    expectHtml: item.expectHtml,
    priority: item.priority,
    menu: item.menu,
    setup: item.setup,
    url,
    hash: entry.hash,
  }));
}

/** Process steps are high priority: the company picked them as what must keep working. */
export const PROCESS_PRIORITY = 'high';

function processItems(process: Process, to: VersionInfo): ChecklistItem[] {
  return process.steps.map((step, i) => ({
    id: processItemId(process.id, i + 1),
    key: String(i + 1),
    entry: null,
    process: process.id,
    title: process.label,
    version: to.version,
    module: null,
    modules: [...process.modules],
    type: null,
    step,
    stepHtml: escapeHtml(step),
    expect: null,
    expectHtml: null,
    priority: PROCESS_PRIORITY,
    menu: null,
    setup: null,
    url: null,
    hash: textDigest(step),
  }));
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
  const items = [
    ...listed.flatMap(({ entry, module }) => entryItems(entry, module, urlOf(entry))),
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
    items,
    labels: {
      modules: source.modules.map(({ id, label }) => ({ id, label })),
      editions: source.editions.map(({ id, label }) => ({ id, label })),
      types: source.types.map(({ id, label }) => ({ id, label })),
    },
  };
}
