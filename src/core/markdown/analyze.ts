/**
 * What `roadbook check` reads in an entry's body: its verification items, the introduction of
 * its verification sections, the images it points at, and what the page will not show
 * (unsafe raw HTML, unsafe links), as warnings. Synchronous and without highlighting: it
 * runs on every entry at every check, so the body is parsed once and walked once.
 * Browser-safe.
 */
import type {
  Definition,
  Html,
  ImageReference,
  LinkReference,
  ListItem,
  Nodes,
  Parent,
  Root,
  RootContent,
} from 'mdast';
import type { Diagnostic, DiagnosticCode, Position } from '../diagnostics.ts';
import { fragmentsToHtml, type Fragment } from './fragment.ts';
import { analysisNeedsTree } from './needs-tree.ts';
import { parseMarkdown } from './parse.ts';
import { isRelativePath, isSafeUrl, RawHtmlFilter, removedHtmlMessage, unsafeUrlMessage } from './safe-html.ts';
import { PART_SEPARATOR, readItem, type ReadItem } from './verify-items.ts';
import { findVerifySections } from './verify-sections.ts';

export interface BodyItem {
  /** Plain text of the step (ids, exports). */
  step: string;
  /** The step as safe HTML: inline for a one-paragraph step, other nested items as a nested list. */
  stepHtml: string;
  expect: string | null;
  expectHtml: string | null;
  /** Where the item's list marker is in the file. */
  line: number;
  column: number;
}

export interface AssetRef {
  /** The URL as written (`assets/x.svg`). */
  url: string;
  line: number;
  column: number;
}

export interface BodyAnalysis {
  items: BodyItem[];
  /** Paragraphs (and other non-list blocks) directly in verification sections, rendered as safe HTML. */
  verifyIntroHtml: string;
  /** Relative URLs of images (and links) pointing into the entry's folder, e.g. `assets/x.svg`, with where they are. */
  assetRefs: AssetRef[];
  /** Other relative links (`../15.2.0/GES-4410.md`), with where they are: links.ts says what they point at. */
  pageLinks: AssetRef[];
  diagnostics: Diagnostic[];
}

export interface AnalyzeOptions {
  /** Path of the file, as diagnostics show it. */
  file: string;
  /** Line of the file (1-based) where `markdown` starts: every position reported is a file position. */
  startLine: number;
  verifyHeadings: readonly string[];
  /** Rewrites relative URLs in the items' and introduction's HTML (as the page render does). */
  resolveUrl?: (url: string) => string;
  /**
   * False: leave the items' and introduction's HTML empty, for a reader that only wants the
   * problems and the counts (`check`); what is found and reported is the same.
   */
  html?: boolean;
}

/** mdast node types that sit inside a paragraph: raw HTML content may run across them. */
const PHRASING = new Set([
  ...'text emphasis strong delete inlineCode break html'.split(' '),
  ...'link linkReference image imageReference footnoteReference'.split(' '),
]);

/**
 * `tree`: the body already parsed by `parseMarkdown` (the render parses it too, and the two
 * share one parse, see body.ts); it is read, never changed.
 */
export function analyzeBody(markdown: string, options: AnalyzeOptions, parsed?: Root): BodyAnalysis {
  if (!analysisNeedsTree(markdown)) {
    return { items: [], verifyIntroHtml: '', assetRefs: [], pageLinks: [], diagnostics: [] };
  }
  const tree = parsed ?? parseMarkdown(markdown);
  const diagnostics: Diagnostic[] = [];
  const assetRefs: AssetRef[] = [];
  const pageLinks: AssetRef[] = [];
  const filePosition = (node: Nodes, shift?: Position): Position => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    const point = shift ?? { line: 0, column: start.column };
    return { line: start.line + point.line + options.startLine - 1, column: point.column };
  };
  const warn = (code: DiagnosticCode, at: Position, message: string) =>
    diagnostics.push({ file: options.file, line: at.line, column: at.column, severity: 'warning', code, message });

  const definitions: Definition[] = [];
  const references: (LinkReference | ImageReference)[] = [];

  const walk = (parent: Parent) => {
    let filter: RawHtmlFilter | null = null;
    for (const node of parent.children as RootContent[]) {
      if (node.type === 'html') {
        filter ??= new RawHtmlFilter();
        for (const removed of filter.clean(node.value).removed) {
          warn('html-removed', filePosition(node, offsetShift(node, removed.offset)), removedHtmlMessage(removed));
        }
        continue;
      }
      if (!PHRASING.has(node.type)) filter?.reset();
      switch (node.type) {
        case 'link':
        case 'image':
          if (!isSafeUrl(node.url)) warn('unsafe-link', filePosition(node), unsafeUrlMessage(node.url, node.type));
          else if (isAssetUrl(node.url, node.type === 'image'))
            assetRefs.push({ url: node.url, ...filePosition(node) });
          else if (node.type === 'link' && isRelativePath(node.url))
            pageLinks.push({ url: node.url, ...filePosition(node) });
          break;
        case 'definition':
          definitions.push(node);
          if (!isSafeUrl(node.url)) warn('unsafe-link', filePosition(node), unsafeUrlMessage(node.url, 'definition'));
          break;
        case 'linkReference':
        case 'imageReference':
          references.push(node);
          break;
      }
      if ('children' in node) walk(node);
    }
  };
  walk(tree);

  // References resolve through definitions that may come later in the body.
  const byIdentifier = new Map<string, Definition>();
  for (const d of definitions) if (!byIdentifier.has(d.identifier)) byIdentifier.set(d.identifier, d);
  for (const ref of references) {
    const url = byIdentifier.get(ref.identifier)?.url;
    if (url === undefined || !isSafeUrl(url)) continue;
    if (isAssetUrl(url, ref.type === 'imageReference')) assetRefs.push({ url, ...filePosition(ref) });
    else if (ref.type === 'linkReference' && isRelativePath(url)) pageLinks.push({ url, ...filePosition(ref) });
  }
  const byPosition = (a: AssetRef, b: AssetRef) => a.line - b.line || a.column - b.column;
  assetRefs.sort(byPosition);
  pageLinks.sort(byPosition);

  const sections = readSections(tree, options.verifyHeadings);
  for (const node of sections.empty) {
    diagnostics.push({
      file: options.file,
      ...filePosition(node),
      severity: 'error',
      code: 'empty-item',
      message: 'This verification item has no step: write what to check after the list marker, or remove the item',
    });
  }

  // Every piece of HTML of the entry in one pass through the safe pipeline.
  const fragments: Fragment[] = [{ blocks: sections.intro }];
  for (const { read } of sections.items) {
    fragments.push({ blocks: read.stepBlocks, inlineFirstParagraph: true });
    for (const part of read.expectParts) fragments.push({ blocks: part, inlineFirstParagraph: true });
  }
  const html =
    options.html === false
      ? fragments.map(() => '')
      : fragmentsToHtml(fragments, { definitions, resolveUrl: options.resolveUrl });
  let next = 1;
  const items = sections.items.map(({ node, read }): BodyItem => {
    const stepHtml = html[next++]!;
    const expectHtml = read.expectParts.map(() => html[next++]!);
    return {
      step: read.step,
      stepHtml,
      expect: read.expect,
      expectHtml: expectHtml.length > 0 ? expectHtml.join(PART_SEPARATOR) : null,
      ...filePosition(node),
    };
  });

  return { items, verifyIntroHtml: html[0]!, assetRefs, pageLinks, diagnostics };
}

interface Sections {
  items: { node: ListItem; read: ReadItem }[];
  /** Items without a step. */
  empty: ListItem[];
  intro: RootContent[];
}

/**
 * Items and introduction of every verification section, in order. Lists directly in a
 * section give items; a deeper heading only groups them and is left out; definitions carry
 * no content; every other block is introduction.
 */
function readSections(tree: Root, verifyHeadings: readonly string[]): Sections {
  const sections: Sections = { items: [], empty: [], intro: [] };
  for (const section of findVerifySections(tree, verifyHeadings)) {
    for (const node of tree.children.slice(section.start + 1, section.end)) {
      if (node.type === 'heading' || node.type === 'definition' || node.type === 'footnoteDefinition') continue;
      if (node.type !== 'list') {
        sections.intro.push(node);
        continue;
      }
      for (const listItem of node.children) {
        const read = readItem(listItem);
        if (read) sections.items.push({ node: listItem, read });
        else sections.empty.push(listItem);
      }
    }
  }
  return sections;
}

/**
 * Images with a relative URL, and links into the folder's `assets/`: what must exist next to
 * the entry. Links to other entries (`GES-4410.md`) are pages, not files, and are left out.
 */
function isAssetUrl(url: string, image: boolean): boolean {
  if (!isRelativePath(url)) return false;
  return image || /^(?:\.\/)*assets\//.test(url);
}

/**
 * Line and column, relative to the node's first line, of `offset` in a raw HTML node's value.
 * Lines after the first are read as starting at the node's column: inside a list item or a
 * block quote, the value holds the lines without their container's indentation.
 */
function offsetShift(node: Html, offset: number): Position {
  const start = node.position?.start.column ?? 1;
  const before = node.value.slice(0, offset);
  const newline = before.lastIndexOf('\n');
  if (newline === -1) return { line: 0, column: start + offset };
  let lines = 0;
  for (const c of before) if (c === '\n') lines++;
  return { line: lines, column: start + offset - newline - 1 };
}
