/**
 * The test that tells whether a body's analysis has anything to find, apart from the parser
 * (analyze.ts) so that a reader holding only bodies that need no parse (a warm `check`: every
 * entry from the cache, version introductions of plain prose) never loads remark and micromark.
 */

/**
 * What a body needs for the analysis to find anything: `<` (raw HTML, autolinks), `[` (links,
 * images, definitions, task lists), `xmpp:` (a literal autolink GFM may make with a scheme
 * outside http, https and mailto) or a line that may be a root-level heading (ATX, or a setext
 * underline). Parsing is the bulk of the cost; a body with none of these skips it.
 */
const MAY_MATTER = /[<[]|xmpp:|^ {0,3}(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$)/im;

/** Whether the analysis of `markdown` reads its tree: false when it can find nothing in it. */
export function analysisNeedsTree(markdown: string): boolean {
  return MAY_MATTER.test(markdown);
}
