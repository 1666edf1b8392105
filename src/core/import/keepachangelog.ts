/**
 * A Keep a Changelog file (1.0, 1.1, 2.0, and the way real projects bend it) read into an
 * ImportPlan. The file is parsed with core's Markdown parser; only heading texts are read
 * with patterns. Nothing is guessed: a heading that is not a version, or a section that maps
 * to no type, is reported in `skipped` with its line.
 */

import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import { parseMarkdown } from '../markdown/parse.ts';
import type { RoadBookConfig } from '../model.ts';
import { slugifyStep } from '../items.ts';
import { firstLine, ticketsOf, titleOf, withoutBreakingMarker } from './changelog-bullet.ts';
import { readVersionHeading, type HeadingMeaning } from './changelog-heading.ts';
import { defaultTypeMap, sectionKey, type SectionMeaning, type TypeMap } from './changelog-sections.ts';
import { definitionsOf, plainText, standAlone, toMarkdown, type Definitions } from './changelog-markdown.ts';
import { ImportInputError, type ImportPlan, type ImportedEntry, type ImportedVersion } from './plan.ts';

export interface KeepAChangelogInput {
  /** The file's text, decoded. */
  text: string;
  config: RoadBookConfig;
  /** The module every entry belongs to. */
  module: string;
  /** Default table when absent. */
  typeMap?: TypeMap;
  /** Version the `[Unreleased]` section is imported as (a draft); null: reported and skipped. */
  unreleased?: string | null;
}

interface Block {
  version: ImportedVersion;
  intro: RootContent[];
  entries: ImportedEntry[];
}

interface Reading {
  input: KeepAChangelogInput;
  types: TypeMap;
  definitions: Definitions;
  plan: ImportPlan;
  unlinked: number;
}

export function planFromKeepAChangelog(input: KeepAChangelogInput): ImportPlan {
  const root: Root = parseMarkdown(input.text);
  const reading: Reading = {
    input,
    types: input.typeMap ?? defaultTypeMap(),
    definitions: definitionsOf(root),
    plan: { versions: [], entries: [], skipped: [], versioning: null, notes: [] },
    unlinked: 0,
  };
  const headings = root.children.filter((n): n is Heading => n.type === 'heading');
  const depths = headings.filter((h) => readVersionHeading(plainText(h)).kind !== 'other').map((h) => h.depth);
  if (depths.length === 0) {
    throw new ImportInputError(
      'This is not a Keep a Changelog file: it has no version heading (such as ## [1.2.0] - 2024-01-02)',
      headings[0]?.position?.start.line ?? 1,
    );
  }
  // The level most versions are written at; generators also write some a level up or down
  // (standard-version: `# [5.0.0]` for majors, `### [9.3.2]` for patches).
  const versionDepth = mostCommon(depths);
  const isVersionHeading = (h: Heading) =>
    h.depth <= versionDepth + 1 &&
    !reading.types.sections.has(sectionKey(plainText(h))) &&
    readVersionHeading(plainText(h)).kind !== 'other';

  let block: Block | null = null;
  /** Where content goes now: a change section's meaning, `undefined` before any section, null to drop it (reported). */
  let section: SectionMeaning | null | undefined;
  /** The level of the current version's sections, learnt from the first known one. */
  let sectionDepth = versionDepth + 1;
  let tags: string[] = [];
  const close = () => {
    if (block) finishBlock(block, reading);
    block = null;
  };

  for (const node of root.children) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'heading' && (isVersionHeading(node) || node.depth <= versionDepth)) {
      close();
      section = null;
      const text = plainText(node);
      const meaning = readVersionHeading(text);
      if (meaning.kind === 'other' && node.depth < versionDepth) {
        // The file's title (`# Changelog`) or a grouping above the versions: nothing to import.
        if (reading.plan.versions.length > 0)
          skip(reading, line, `${'#'.repeat(node.depth)} ${text}`, 'a heading above the version headings');
        continue;
      }
      if (meaning.kind === 'other') {
        skip(reading, line, `${'#'.repeat(node.depth)} ${text}`, `${meaning.why}; it and its content are not imported`);
        continue;
      }
      if (meaning.kind === 'unreleased' && !input.unreleased) {
        skip(reading, line, text, 'unreleased changes: name their version with --unreleased <version> to import them');
        continue;
      }
      block = openBlock(meaning, text, line, reading);
      section = undefined;
      sectionDepth = versionDepth + 1;
      tags = [];
      continue;
    }
    if (!block) continue;
    const current: Block = block;

    const known = node.type === 'heading' ? reading.types.sections.get(sectionKey(plainText(node))) : undefined;
    if (node.type === 'heading' && (known || node.depth <= sectionDepth)) {
      const name = plainText(node);
      tags = [];
      if (!known) {
        section = null;
        skip(
          reading,
          line,
          `${'#'.repeat(node.depth)} ${name}`,
          'a section that maps to no type: name its type in --type-map (sections:) or list it under introduction:',
        );
      } else {
        section = known;
        sectionDepth = node.depth;
        if (known.kind === 'introduction') current.intro.push({ ...node, depth: 2 });
      }
      continue;
    }
    if (section === null) continue;
    if (section?.kind === 'introduction') {
      current.intro.push(node.type === 'heading' ? { ...node, depth: introDepth(node.depth, sectionDepth) } : node);
      continue;
    }
    if (node.type === 'heading') {
      // A grouping inside a section (`#### Parser`): its bullets keep it as a tag.
      tags = [slugifyStep(plainText(node))];
      continue;
    }
    if (node.type === 'list') {
      const meaning = section ?? { kind: 'type' as const, type: reading.types.defaultType, breaking: false, tag: null };
      addEntries(node, meaning, tags, current, reading);
      continue;
    }
    if (node.type === 'definition' || showsNothing(node)) continue;
    // Paragraphs, tables, code between the bullets: the version's introduction keeps them.
    current.intro.push(node);
  }
  close();
  if (reading.unlinked > 0) {
    reading.plan.notes.push(
      `${reading.unlinked} links or images pointed into the changelog's own repository (relative) or used another scheme than http, https or mailto: their text is kept, without the link`,
    );
  }
  return reading.plan;
}

/** A heading inside a non-change section, under the section's own `##` in index.md. */
function introDepth(depth: Heading['depth'], sectionDepth: number): Heading['depth'] {
  return Math.min(6, Math.max(3, depth - sectionDepth + 2)) as Heading['depth'];
}

/** The value most often in `values` (the first of equals). */
function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** HTML that shows nothing: comments (`<!-- markdownlint-disable -->`), empty anchors (`<a name="4.4.0"></a>`). */
function showsNothing(node: RootContent): boolean {
  const html =
    node.type === 'html'
      ? node.value
      : node.type === 'paragraph' && node.children.every((c) => c.type === 'html')
        ? node.children.map((c) => c.value).join('')
        : null;
  return html !== null && html.replace(/<!--[\s\S]*?-->|<[^>]*>/g, '').trim() === '';
}

function openBlock(
  meaning: Extract<HeadingMeaning, { kind: 'version' | 'unreleased' }>,
  text: string,
  line: number,
  reading: Reading,
): Block {
  const version: ImportedVersion =
    meaning.kind === 'unreleased'
      ? { version: reading.input.unreleased!, date: null, status: 'draft', title: null, intro: '', line }
      : {
          version: meaning.version,
          date: meaning.date,
          status: meaning.date === null ? 'draft' : meaning.yanked ? 'withdrawn' : 'published',
          title: null,
          intro: '',
          line,
        };
  if (meaning.kind === 'version' && meaning.badDate) {
    skip(reading, line, meaning.badDate, `not a real date: version ${meaning.version} is written as a draft`);
  }
  if (meaning.kind === 'version' && meaning.yanked && meaning.date === null) {
    reading.plan.notes.push(`${text} (line ${line}) is yanked but has no date: written as a draft, not withdrawn`);
  }
  return { version, intro: [], entries: [] };
}

function finishBlock(block: Block, reading: Reading): void {
  const moved = standAlone(block.intro, reading.definitions);
  reading.unlinked += moved.unlinked;
  block.version.intro = toMarkdown(moved.nodes);
  reading.plan.versions.push(block.version);
  reading.plan.entries.push(...block.entries);
}

function addEntries(list: List, meaning: SectionMeaning, tags: string[], block: Block, reading: Reading): void {
  if (meaning.kind !== 'type') return;
  for (const item of list.children) {
    const entry = entryOf(item, meaning, tags, block.version.version, reading);
    if (entry) block.entries.push(entry);
  }
}

function entryOf(
  item: ListItem,
  meaning: Extract<SectionMeaning, { kind: 'type' }>,
  tags: string[],
  version: string,
  reading: Reading,
): ImportedEntry | null {
  const line = item.position?.start.line ?? 1;
  const moved = standAlone(item.children, reading.definitions);
  reading.unlinked += moved.unlinked;
  const lead = moved.nodes[0]?.type === 'paragraph' ? firstLine(moved.nodes[0]) : moved.nodes;
  const marker = withoutBreakingMarker(lead);
  const breaking = meaning.breaking || marker.marked;
  const title = titleOf(marker.text);
  if (!title) {
    skip(reading, line, plainText(moved.nodes).slice(0, 60) || '(empty bullet)', 'a bullet without text for a title');
    return null;
  }
  const tickets = ticketsOf(plainText(moved.nodes));
  return {
    version,
    id: null,
    title,
    type: meaning.type,
    modules: [reading.input.module],
    tags: meaning.tag ? [meaning.tag, ...tags] : tags,
    tickets,
    breaking,
    body: toMarkdown(moved.nodes),
    line,
  };
}

function skip(reading: Reading, line: number, what: string, why: string): void {
  reading.plan.skipped.push({ line, what, why });
}
