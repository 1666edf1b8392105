/**
 * Moving pieces of a changelog's Markdown into road book files. A piece leaves the file its
 * link definitions live in, and the repository its relative links point into; so reference
 * links become inline links, and links the road book could not follow become their text.
 */

import type { Definition, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** The changelog's `[label]: url` definitions, by normalised label. */
export type Definitions = ReadonlyMap<string, Definition>;

export function definitionsOf(root: Root): Definitions {
  const found = new Map<string, Definition>();
  visit(root, 'definition', (d) => {
    // The first definition of a label wins, as in CommonMark.
    if (!found.has(d.identifier)) found.set(d.identifier, d);
  });
  return found;
}

/** Schemes the site keeps as links (content-format.md, "Raw HTML in bodies"). */
const KEPT_URL = /^(?:https?:|mailto:)/i;

export interface Moved {
  nodes: RootContent[];
  /** Links and images dropped to their text: relative to the changelog's own repository, or of another scheme. */
  unlinked: number;
}

/**
 * A copy of `nodes` that stands on its own: references resolved through `definitions`,
 * links and images the road book cannot follow replaced by their text.
 */
export function standAlone(nodes: readonly RootContent[], definitions: Definitions): Moved {
  const root: Root = { type: 'root', children: structuredClone([...nodes]) };
  let unlinked = 0;
  visit(root, (node, index, parent) => {
    if (!parent || index === undefined) return;
    let replacement: Nodes | Nodes[] | null = null;
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) return;
      replacement =
        node.type === 'linkReference'
          ? { type: 'link', url: definition.url, title: definition.title ?? null, children: node.children }
          : { type: 'image', url: definition.url, title: definition.title ?? null, alt: node.alt ?? '' };
    } else if (node.type === 'definition') {
      replacement = [];
    }
    if (replacement) {
      (parent.children as Nodes[]).splice(index, 1, ...[replacement].flat());
      return index;
    }
    if ((node.type === 'link' || node.type === 'image') && !KEPT_URL.test(node.url)) {
      unlinked++;
      const text: Nodes[] = node.type === 'link' ? node.children : node.alt ? [{ type: 'text', value: node.alt }] : [];
      (parent.children as Nodes[]).splice(index, 1, ...text);
      return [SKIP, index];
    }
    return undefined;
  });
  return { nodes: root.children, unlinked };
}

const serialiser = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, listItemIndent: 'one', rule: '-' })
  .freeze();

/** Markdown text of `nodes`, ending without a newline (empty for no nodes). */
export function toMarkdown(nodes: readonly RootContent[]): string {
  if (nodes.length === 0) return '';
  return serialiser.stringify({ type: 'root', children: [...nodes] }).trimEnd();
}

export function plainText(node: Nodes | readonly Nodes[]): string {
  return toString(node as Nodes)
    .replace(/\s+/g, ' ')
    .trim();
}
