import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import * as z from 'zod';
import { FILE_START, type DiagnosticList, type Position } from '../diagnostics.ts';
import { escapeHtml } from '../escape.ts';
import { entryItemId } from '../item-id.ts';
import { assignItemIds, isValidId } from '../items.ts';
import { resolveRelativeUrl } from '../links.ts';
import { analyzeBody, type AssetRef } from '../markdown/analyze.ts';
import { isBlankText } from '../markdown/plain-text.ts';
import { PRIORITIES, type Entry, type Item, type Priority, type RoadBookConfig } from '../model.ts';
import { reservedNameOf, reservedWhy } from '../routes.ts';
import { boolean, id, identifierList, list, oneOf, text } from './fields.ts';
import { checkChoices } from './choices.ts';
import { isPlaceholderStep } from '../scaffold/placeholder.ts';
import { readFrontMatter } from './front-matter.ts';
import { at, checkMapping, type Located } from './schema-check.ts';
import { isPlainMap, type Plain } from './yaml.ts';

const entrySchema = z.object({
  id: id.optional(),
  title: text,
  type: text,
  modules: identifierList(text, 1),
  tags: list(text).optional(),
  breaking: boolean.optional(),
  data: text.optional(),
  action: text.optional(),
  tickets: identifierList(text).optional(),
  editions: identifierList(text).optional(),
  supersedes: identifierList(text).optional(),
  verify: list(z.unknown()).optional(),
});

const verifyItemSchema = z.object({
  id: id.optional(),
  step: text,
  expect: text.optional(),
  priority: oneOf(PRIORITIES).optional(),
  menu: text.optional(),
  setup: text.optional(),
});

/**
 * An entry's front matter as a whole, for editors (src/core/schemas/): each `verify` item,
 * a step or a mapping, is checked on its own (see `frontMatterItems`), with the same definition.
 */
export const entryFrontMatterSchema = entrySchema.extend({
  verify: list(z.union([text, verifyItemSchema])).optional(),
});

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
}

/**
 * Reads one entry file (already decoded): front matter, body items, item ids, asset
 * references and its hash. Problems that involve other entries are left to the caller.
 * Returns null when the entry cannot be used (its problems are reported).
 */
export function parseEntry(source: string, context: EntryContext): ParsedEntry | null {
  const { file, config, diagnostics } = context;
  const front = readFrontMatter(source, file, diagnostics);
  if (!front) return null;
  const where: Located = { file, yaml: front.yaml, diagnostics };
  const raw = checkMapping(entrySchema, front.data, where);

  const body = analyzeBody(front.body, {
    file,
    startLine: front.bodyLine,
    verifyHeadings: config.verifyHeadings,
    // Images in items point at the version's assets; links to other pages stay as written here
    // until every page is known (road-book.ts resolves them).
    resolveUrl: (url) => resolveRelativeUrl(url, { base: config.base, versionSlug: context.versionSlug }),
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
  const bodyDrafts = body.items.map((item) => ({
    explicitId: null,
    step: item.step,
    at: { line: item.line, column: item.column },
    item: {
      step: item.step,
      stepHtml: item.stepHtml,
      expect: item.expect,
      expectHtml: item.expectHtml,
      priority: 'normal' as Priority,
      menu: null,
      setup: null,
    },
  }));
  const all = [...(drafts ?? []), ...bodyDrafts];
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
  };
}

/** sha256 of the entry's text (BOM removed, LF line endings): what "changed since" compares. */
export function entryHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

interface ItemDraft {
  explicitId: string | null;
  step: string;
  at: Position;
  item: Omit<Item, 'id' | 'key'>;
}

/** A step still holding the text `roadbook new` wrote: the writer has not described the check yet. */
function warnPlaceholders(drafts: readonly ItemDraft[], file: string, diagnostics: DiagnosticList): void {
  for (const draft of drafts) {
    if (!isPlaceholderStep(draft.step)) continue;
    diagnostics.warning(
      'placeholder-item',
      file,
      draft.at,
      'This verification item is still the placeholder `roadbook new` wrote; replace it with the action to take and the result expected',
    );
  }
}

/** `verify:` items: a plain string is a step; a mapping gives id, step, expect, priority, menu, setup. */
function frontMatterItems(values: unknown[], where: Located): ItemDraft[] | null {
  const drafts: ItemDraft[] = [];
  let ok = true;
  values.forEach((value, i) => {
    const path = ['verify', i];
    const plain = value as Plain;
    const mapping = typeof plain === 'string' ? Object.assign(Object.create(null), { step: plain }) : plain;
    if (!isPlainMap(mapping)) {
      ok = false;
      where.diagnostics.error(
        'wrong-type',
        where.file,
        at(where, path),
        '`verify` items are a step (text) or a mapping with `step`, `expect`, `priority`…',
      );
      return;
    }
    const item = checkMapping(verifyItemSchema, mapping, where, typeof plain === 'string' ? ['verify'] : path);
    if (!item) {
      ok = false;
      return;
    }
    if (isBlankText(item.step)) {
      ok = false;
      where.diagnostics.error(
        'empty-item',
        where.file,
        at(where, typeof plain === 'string' ? path : [...path, 'step']),
        'This verification item has no step: its text is only invisible characters (no-break or zero-width spaces…); write what to check, or remove the item',
      );
      return;
    }
    // An expected result that shows nothing is none.
    const expect = item.expect === undefined || isBlankText(item.expect) ? null : item.expect;
    drafts.push({
      explicitId: item.id ?? null,
      step: item.step,
      at: at(where, item.id ? [...path, 'id'] : path),
      item: {
        step: item.step,
        stepHtml: escapeHtml(item.step),
        expect,
        expectHtml: expect === null ? null : escapeHtml(expect),
        priority: item.priority ?? 'normal',
        menu: item.menu ?? null,
        setup: item.setup ?? null,
      },
    });
  });
  return ok ? drafts : null;
}

/** Every image the body points at inside the version folder must exist under assets/. */
function checkAssets(refs: { url: string; line: number; column: number }[], context: EntryContext): void {
  for (const ref of refs) {
    const path = safeDecode(ref.url.split(/[?#]/)[0]!);
    const resolved = posix.normalize(path).replace(/^\.\//, '');
    if (context.assets.has(resolved)) continue;
    context.diagnostics.error(
      'asset-missing',
      context.file,
      { line: ref.line, column: ref.column },
      `The image "${ref.url}" does not exist; put it in this version's assets/ folder and refer to it as assets/<file>`,
    );
  }
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
