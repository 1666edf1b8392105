/**
 * The page HTML of a body (an entry's, or a version's introduction): one unified pipeline,
 * built once per process. Verification sections are removed (they are shown as the entry's
 * items), everything goes through the safety steps of sanitize.ts, code blocks are
 * highlighted. Node only, because of shiki; the analysis (analyze.ts) stays browser-safe.
 */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import type { Transformer } from 'unified';
import type { Locale } from '../model.ts';
import { rehypeHighlight } from './highlight.ts';
import { markdownParser } from './parse.ts';
import { fileSettings, SAFE_HTML_PLUGINS, type MarkdownFileData } from './sanitize.ts';
import { findVerifySections } from './verify-sections.ts';

export interface RenderOptions {
  /** Headings that open a verification section (roadbook.yml); [] for a version's introduction. */
  verifyHeadings: readonly string[];
  /** Rewrites relative link and image URLs (`assets/x.svg`) to site addresses, after the safety check. */
  resolveUrl?: (url: string) => string;
  /** The site's language, for the names the safe steps give (French when not given). */
  locale?: Locale;
}

/**
 * Removes the verification sections, heading included, found by the same rule as the
 * analysis. Definitions written inside a section stay: a link elsewhere may use them.
 */
export function removeVerifySections(tree: Root, verifyHeadings: readonly string[]): void {
  const sections = findVerifySections(tree, verifyHeadings);
  for (const section of sections.reverse()) {
    const removed = tree.children.slice(section.start, section.end);
    const kept = removed.filter((n) => n.type === 'definition' || n.type === 'footnoteDefinition');
    tree.children.splice(section.start, removed.length, ...kept);
  }
}

function remarkRemoveVerifySections(): Transformer<Root> {
  return (tree, file) => removeVerifySections(tree, fileSettings(file).verifyHeadings ?? []);
}

// A frozen processor called as a function gives an unfrozen copy with the same parser.
const pipeline = markdownParser()
  .use(remarkRemoveVerifySections)
  .use(SAFE_HTML_PLUGINS)
  .use(rehypeHighlight)
  .use(rehypeStringify)
  .freeze();

export function renderBody(markdown: string, options: RenderOptions): Promise<string> {
  return renderParsed(markdown, pipeline.parse(markdown), options);
}

/**
 * The HTML of `markdown` from its tree as `parseMarkdown` gives it, which the render then
 * changes: the same steps as `renderBody` (what unified's `process` does: parse, run,
 * stringify), for a caller that has parsed the body already.
 */
export async function renderParsed(markdown: string, tree: Root, options: RenderOptions): Promise<string> {
  const data: MarkdownFileData = {
    verifyHeadings: options.verifyHeadings,
    resolveUrl: options.resolveUrl,
    locale: options.locale,
  };
  const file = { value: markdown, data: { roadbook: data } };
  const hast = await pipeline.run(tree, file);
  return String(pipeline.stringify(hast, file));
}

/** A version's introduction (index.md's body): the same pipeline, no verification section. */
export function renderIntro(markdown: string, options: Omit<RenderOptions, 'verifyHeadings'> = {}): Promise<string> {
  return renderBody(markdown, { ...options, verifyHeadings: [] });
}
