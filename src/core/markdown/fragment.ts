/**
 * Pieces of a body (items' steps and expected results, the sections' introduction) to safe
 * HTML, synchronously: the analysis runs on every entry at every `roadbook check`, so no
 * highlighting here (code blocks stay plain `<pre><code class="language-…">`), but every
 * safety step of the page render applies, from the same functions (sanitize.ts).
 * All the pieces of an entry go through the pipeline in one run, each in a wrapper `div`, then
 * are cut apart and sanitized one by one. Browser-safe.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { BlockContent, Blockquote, Definition, Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Locale } from '../model.ts';
import { finishHast, TO_FILTERED_HAST } from './sanitize.ts';

const toFilteredHast = unified().use(TO_FILTERED_HAST).freeze();
const stringifier = unified().use(rehypeStringify).freeze();

export interface Fragment {
  blocks: readonly RootContent[];
  /** Render a leading paragraph as bare inline HTML (`Saisir <em>x</em>`, no `<p>`). */
  inlineFirstParagraph?: boolean;
}

export interface FragmentOptions {
  /** The body's definitions, so that `[text][ref]` in a piece resolves. */
  definitions?: readonly Definition[];
  resolveUrl?: (url: string) => string;
  /** The site's language, for the names the safe steps give (French when not given). */
  locale?: Locale;
}

/** Safe HTML of each fragment, in order (`''` for an empty one). The nodes are copied, never changed. */
export function fragmentsToHtml(fragments: readonly Fragment[], options: FragmentOptions = {}): string[] {
  if (fragments.every((f) => f.blocks.length === 0)) return fragments.map(() => '');
  // A `div` ends whatever raw HTML a piece left open (`<details>` without its end tag), so
  // the pieces cannot run into each other when the raw HTML is parsed.
  const wrappers: Blockquote[] = fragments.map((f) => ({
    type: 'blockquote',
    data: { hName: 'div' },
    children: structuredClone(f.blocks) as BlockContent[],
  }));
  const root: Root = { type: 'root', children: [...wrappers, ...structuredClone(options.definitions ?? [])] };
  const hast = toFilteredHast.runSync(root, { data: { roadbook: { resolveUrl: options.resolveUrl } } }) as HastRoot;
  const pieces = hast.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'div');
  return fragments.map((fragment, i) => {
    const piece = pieces[i];
    if (!piece || fragment.blocks.length === 0) return '';
    const clean = finishHast({ type: 'root', children: piece.children }, options.locale);
    if (fragment.inlineFirstParagraph) unwrapFirstParagraph(clean);
    return stringifier.stringify(clean).trim();
  });
}

/** Safe HTML of one fragment. */
export function blocksToHtml(
  blocks: readonly RootContent[],
  options: FragmentOptions & { inlineFirstParagraph?: boolean } = {},
): string {
  return fragmentsToHtml([{ blocks, inlineFirstParagraph: options.inlineFirstParagraph }], options)[0]!;
}

function unwrapFirstParagraph(tree: HastRoot): void {
  const index = tree.children.findIndex((c) => c.type === 'element');
  const first = tree.children[index] as Element | undefined;
  if (!first || first.tagName !== 'p') return;
  tree.children.splice(index, 1, ...(first.children as ElementContent[]));
}
