/**
 * The one Markdown parser of roadbook: CommonMark plus GFM (tables, task lists,
 * strikethrough, autolinks, footnotes). Built once; analysis and render both parse with it,
 * so they read the same tree. Browser-safe.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseMarkdown(markdown: string): Root {
  return markdownParser.parse(markdown);
}
