/**
 * An entry's body read for `check` and, for a build, rendered for its page from the same
 * parse: the analysis (items, links, warnings) reads the tree first, then the render turns the
 * same tree into the page's HTML. Parsing is the bulk of the cost of both. A body the analysis
 * has nothing to find in is not parsed unless it is rendered, and the render's modules (the
 * rehype chain, shiki) are loaded only by a run that renders.
 */
import type { Root } from 'mdast';
import { analyzeBody, type AnalyzeOptions, type BodyAnalysis } from './analyze.ts';
import { analysisNeedsTree } from './needs-tree.ts';
import { parseMarkdown } from './parse.ts';
import type { Locale } from '../model.ts';

export interface ReadBody {
  analysis: BodyAnalysis;
  /**
   * The page HTML of the body (verification sections removed), as `renderBody` gives it; at
   * most once, since the render changes the tree. Not called for an entry that is unusable,
   * nor by a run that renders no bodies (`check`). Node only (the render highlights).
   */
  render: () => Promise<string>;
}

export function readBody(markdown: string, options: AnalyzeOptions & { locale?: Locale }): ReadBody {
  let tree: Root | undefined = analysisNeedsTree(markdown) ? parseMarkdown(markdown) : undefined;
  // The analysis only reads the tree; the render changes it, so it comes second.
  const analysis = analyzeBody(markdown, options, tree);
  const render = async () => {
    const { renderParsed } = await import('./render.ts');
    tree ??= parseMarkdown(markdown);
    return renderParsed(markdown, tree, {
      verifyHeadings: options.verifyHeadings,
      resolveUrl: options.resolveUrl,
      locale: options.locale,
    });
  };
  return { analysis, render };
}
