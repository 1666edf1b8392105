/**
 * What the lead of a changelog bullet says: its title (the first sentence, without trailing
 * references), whether a marker calls it breaking, and the tickets it names.
 */
import type { RootContent } from 'mdast';
import { plainText } from './changelog-markdown.ts';

/** Longest title, in characters; a longer first sentence is cut at a word. */
export const TITLE_MAX_LENGTH = 119;

/**
 * A leading breaking-change marker: `Breaking:` in any case, `BREAKING` in capitals, or the
 * word alone in bold or italics (`**Breaking**`, `*Breaking:*`). Plain `Breaking changes to…`
 * is a sentence, not a marker.
 */
const BREAKING_TEXT =
  /^\s*(?:\[?breaking(?: changes?)?\]?\s*:|\[BREAKING(?: CHANGES?)?\]|BREAKING(?: CHANGES?)?\b)\s*:?\s*/i;
const BREAKING_CAPITALS = /^\s*\[?breaking(?: changes?)?\]?\s*:|^\s*\[?BREAKING(?: CHANGES?)?\b/i;
const BREAKING_WORD = /^\s*\[?breaking(?: changes?)?\]?\s*:?\s*$/i;

/** The lead's text without its breaking marker, and whether it had one. */
export function withoutBreakingMarker(lead: readonly RootContent[]): { text: string; marked: boolean } {
  const first = lead[0];
  if (first && (first.type === 'strong' || first.type === 'emphasis') && BREAKING_WORD.test(plainText(first))) {
    return { text: plainText(lead.slice(1)).replace(/^\s*:?\s*/, ''), marked: true };
  }
  const text = plainText(lead);
  const capitals = BREAKING_CAPITALS.exec(text);
  // `BREAKING` counts in capitals only; `breaking:` with its colon in any case.
  if (capitals && (capitals[0].includes(':') || capitals[0] === capitals[0].toUpperCase())) {
    return { text: text.replace(BREAKING_TEXT, ''), marked: true };
  }
  return { text, marked: false };
}

/** `#123`, not `&#123;` nor a URL fragment. */
const TICKET = /(?<![\w&/#])#(\d+)\b/g;
/** Trailing `(#123)`, `(#123, #124 @someone)`: references, not part of a title. */
const TRAILING_REFERENCES = /\s*\((?:\s*(?:\[?#\d+\]?|@[\w-]+|[0-9a-f]{7,40}|[,;]|and|by))+\s*\)\s*$/i;

/** The tickets (`#123`) a bullet names, each once, in the order written. */
export function ticketsOf(text: string): string[] {
  return [...new Set([...text.matchAll(TICKET)].map((m) => m[1]!))];
}

/**
 * The paragraph up to its first hard line break. Soft breaks are the writer's wrapping at
 * 80 columns, not the end of a line of meaning: they read as spaces.
 */
export function firstLine(paragraph: Extract<RootContent, { type: 'paragraph' }>): RootContent[] {
  const end = paragraph.children.findIndex((child) => child.type === 'break');
  return end === -1 ? paragraph.children : paragraph.children.slice(0, end);
}

/** First sentence of the first line, without trailing references or punctuation, cut at a word under the limit. */
export function titleOf(text: string): string {
  const sentence = /^(.+?[.!?])\s+(?=[A-ZÀ-Ý])/.exec(text)?.[1] ?? text;
  let title = sentence;
  // `(#907) (61b41fa)`: one group of references after another.
  for (let before = ''; before !== title;) {
    before = title;
    title = title.replace(TRAILING_REFERENCES, '');
  }
  title = title.replace(/[.:;,]$/, '').trim();
  if (title.length > TITLE_MAX_LENGTH) {
    const cut = title.lastIndexOf(' ', TITLE_MAX_LENGTH - 1);
    title = `${title.slice(0, cut > 40 ? cut : TITLE_MAX_LENGTH - 1).trimEnd()}…`;
  }
  return title;
}
