import { hash } from 'node:crypto';
import { FILE_START, type DiagnosticList, type Position } from '../diagnostics.ts';
import { entryItemId } from '../item-id.ts';
import { assignItemIds, isValidId } from '../items.ts';
import { linkTarget, resolveRelativeUrl } from '../links.ts';
import type { AssetRef } from '../markdown/analyze.ts';
import { readBody } from '../markdown/body.ts';
import { slotResolver, type LinkSlots } from '../markdown/link-slots.ts';
import type { Entry, Item, RoadBookConfig } from '../model.ts';
import { reservedNameOf, reservedWhy } from '../routes.ts';
import { checkChoices } from './choices.ts';
import { checkAssets } from './entry-assets.ts';
import { bodyItems, frontMatterItems, warnPlaceholders } from './entry-items.ts';
import { entrySchema } from './entry-schema.ts';
import { readFrontMatter } from './front-matter.ts';
import { at, checkMapping, type Located } from './schema-check.ts';

/** The version an entry belongs to, as the reader knows it. */
export interface EntryContext {
  file: string;
  /** File name without `.md`: the default id. */
  name: string;
  version: string;
  versionSlug: string;
  config: RoadBookConfig;
  /** Paths of the version's assets, relative to the version folder (`assets/x.svg`). */
  assets: ReadonlySet<string>;
  /**
   * Only what `check` reads, its problems and counts: the body is not rendered to its page
   * HTML and the items' and introduction's HTML are left empty. By default a body is parsed,
   * analysed and rendered in one pass (a build).
   */
  analysisOnly?: boolean;
  diagnostics: DiagnosticList;
}

/** Positions kept for the checks that need the whole road book (ids, supersedes). */
export interface EntryPositions {
  id: Position;
  supersedes: Position[];
  modules: Position[];
  /** Relative links of the body other than to assets, checked once every page is known. */
  links: AssetRef[];
}

export interface ParsedEntry {
  entry: Entry;
  positions: EntryPositions;
  /**
   * The page HTML of the body, rendered from the parse the check made, with a slot for each
   * link to another page (filled once every page is known: `fillSlots`). The items' and
   * introduction's HTML hold the same slots. Null when the body was not rendered: read by a
   * run that renders none (`check`), or taken from the cache, whose file of bodies then holds
   * the HTML (`EntryCache.bodyHtml`), read only when a page needs it.
   */
  bodyHtml: string | null;
  slots: LinkSlots;
}

/**
 * Reads one entry file (already decoded): front matter, body items, item ids, asset
 * references and its hash. Problems that involve other entries are left to the caller.
 * Returns null when the entry cannot be used (its problems are reported).
 */
export async function parseEntry(source: string, context: EntryContext): Promise<ParsedEntry | null> {
  const { file, config, diagnostics } = context;
  const front = readFrontMatter(source, file, diagnostics);
  if (!front) return null;
  const where: Located = { file, yaml: front.yaml, diagnostics };
  const raw = checkMapping(entrySchema, front.data, where);

  // Images point at the version's assets; links to other pages get slots until every page is
  // known (page-links.ts fills the items', render.ts the body's).
  const link = { base: config.base, versionSlug: context.versionSlug };
  const { resolveUrl, slots } = slotResolver(
    front.body,
    (url) => linkTarget(url, context.versionSlug)?.kind === 'markdown',
    (url) => resolveRelativeUrl(url, link),
  );
  const { analysis: body, render } = readBody(front.body, {
    file,
    startLine: front.bodyLine,
    verifyHeadings: config.verifyHeadings,
    resolveUrl,
    locale: config.locale,
    html: !context.analysisOnly,
  });
  diagnostics.push(...body.diagnostics);
  checkAssets(body.assetRefs, context);
  if (!raw) return null;

  const entryId = raw.id ?? context.name;
  if (raw.id === undefined && !isValidId(entryId)) {
    diagnostics.error(
      'invalid-id',
      file,
      FILE_START,
      `The file name "${context.name}" cannot be an entry id; rename the file or set \`id:\` (letters, digits, . _ - ; 64 at most)`,
    );
    return null;
  }

  const reserved = reservedNameOf(entryId);
  if (reserved) {
    diagnostics.error(
      'reserved-id',
      file,
      raw.id === undefined ? FILE_START : at(where, ['id']),
      `The id "${entryId}" ${reservedWhy(reserved)}; ${raw.id === undefined ? 'rename the file or set `id:`' : 'choose another `id`'}`,
    );
    return null;
  }

  let ok = true;
  if (!config.types.some((t) => t.id === raw.type)) {
    ok = false;
    diagnostics.error(
      'unknown-type',
      file,
      at(where, ['type']),
      `\`type\` "${raw.type}" is not one of the types: ${config.types.map((t) => t.id).join(', ')}`,
    );
  }
  ok = checkChoices('modules', raw.modules, config.modules, where, ['modules'], 'unknown-module') && ok;
  const editions = raw.editions ?? [];
  ok =
    checkChoices(
      'editions',
      editions,
      config.editions.length ? config.editions : null,
      where,
      ['editions'],
      'unknown-edition',
    ) && ok;

  const drafts = frontMatterItems(raw.verify ?? [], where);
  if (!drafts) ok = false;
  const all = [...(drafts ?? []), ...bodyItems(body.items)];
  const ids = assignItemIds(all, file);
  diagnostics.push(...ids.diagnostics);
  if (ids.diagnostics.some((d) => d.severity === 'error')) ok = false;
  if (!ok) return null;

  warnPlaceholders(all, file, diagnostics);
  const items: Item[] = all.map((draft, i) => ({
    id: entryItemId(entryId, ids.keys[i]!),
    key: ids.keys[i]!,
    ...draft.item,
  }));
  if (items.length === 0 && config.requireVerify.includes(raw.type)) {
    diagnostics.warning(
      'missing-verify',
      file,
      at(where, ['type']),
      `An entry of type "${raw.type}" should say how to verify it: add \`verify:\` items or a "## ${config.verifyHeadings[0] ?? 'Vérifications'}" section`,
    );
  }

  const supersedes = raw.supersedes ?? [];
  return {
    entry: {
      id: entryId,
      version: context.version,
      versionSlug: context.versionSlug,
      title: raw.title,
      type: raw.type,
      modules: raw.modules,
      tags: raw.tags ?? [],
      breaking: raw.breaking ?? false,
      data: raw.data ?? null,
      action: raw.action ?? null,
      tickets: raw.tickets ?? [],
      editions,
      supersedes,
      supersededBy: [],
      hash: entryHash(source),
      items,
      file,
      source,
      body: front.body,
      bodyLine: front.bodyLine,
      verifyIntroHtml: body.verifyIntroHtml,
      pageLinks: body.pageLinks.map((link) => link.url),
    },
    positions: {
      id: raw.id === undefined ? FILE_START : at(where, ['id']),
      supersedes: supersedes.map((_, i) => at(where, ['supersedes', i])),
      modules: raw.modules.map((_, i) => at(where, ['modules', i])),
      links: body.pageLinks,
    },
    bodyHtml: context.analysisOnly ? null : await render(),
    slots,
  };
}

/** sha256 of the entry's text (BOM removed, LF line endings): what "changed since" compares. */
export function entryHash(source: string): string {
  return hash('sha256', source);
}
