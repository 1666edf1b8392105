/**
 * An entry's body read for `check` and rendered for its page from one parse: the analysis
 * (items, links, warnings) reads the tree first, then the render turns the same tree into the
 * page's HTML. Parsing is the bulk of the cost of both. Node only (the render highlights).
 */
import { analyzeBody, type AnalyzeOptions, type BodyAnalysis } from './analyze.ts';
import { parseMarkdown } from './parse.ts';
import { renderParsed } from './render.ts';
import type { Locale } from '../model.ts';

export interface ReadBody {
  analysis: BodyAnalysis;
  /**
   * The page HTML of the body (verification sections removed), as `renderBody` gives it; at
   * most once, since the render changes the tree. Not called for an entry that is unusable.
   */
  render: () => Promise<string>;
}

export function readBody(markdown: string, options: AnalyzeOptions & { locale?: Locale }): ReadBody {
  const tree = parseMarkdown(markdown);
  // The analysis only reads the tree; the render changes it, so it comes second.
  const analysis = analyzeBody(markdown, options, tree);
  const render = () =>
    renderParsed(markdown, tree, {
      verifyHeadings: options.verifyHeadings,
      resolveUrl: options.resolveUrl,
      locale: options.locale,
    });
  return { analysis, render };
}
