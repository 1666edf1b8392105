/**
 * A small tokenizer for the raw HTML that Markdown lets through (`html` nodes). It knows no
 * rule about what is allowed — safe-html.ts decides — it only cuts a string into tags,
 * comments and text. Tags follow CommonMark's grammar of an HTML tag, which is what remark
 * itself recognises as inline HTML; anything that does not match is text, and text is
 * always escaped on output, so a tag this tokenizer misses can only show up as visible
 * text, never as markup. Browser-safe.
 */

export interface HtmlAttribute {
  /** Lowercased. */
  name: string;
  /** The value as written, quotes removed and character references left as they are; null for a bare attribute. */
  value: string | null;
}

export type HtmlToken =
  | { type: 'text'; value: string; offset: number }
  | { type: 'start'; name: string; attributes: HtmlAttribute[]; selfClosing: boolean; offset: number }
  | { type: 'end'; name: string; offset: number }
  /** Comments, `<!DOCTYPE …>`, `<?…?>`, `<![CDATA[…]]>`: markup that is not an element. */
  | { type: 'comment' | 'declaration' | 'instruction' | 'cdata'; value: string; offset: number };

const ATTRIBUTE = String.raw`\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const START_TAG = new RegExp(String.raw`<([A-Za-z][A-Za-z0-9-]*)((?:${ATTRIBUTE})*)\s*(/?)>`, 'y');
const END_TAG = /<\/([A-Za-z][A-Za-z0-9-]*)\s*>/y;
const COMMENT = /<!--(?:-?>|[\s\S]*?-->|[\s\S]*$)/y;
const CDATA = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/y;
const DECLARATION = /<![A-Za-z][^>]*(?:>|$)/y;
const INSTRUCTION = /<\?[\s\S]*?(?:\?>|$)/y;
const ATTRIBUTE_PARTS = /([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\s*=\s*(?:([^\s"'=<>`]+)|'([^']*)'|"([^"]*)"))?/g;

const MARKUP: [HtmlToken['type'], RegExp][] = [
  ['comment', COMMENT],
  ['cdata', CDATA],
  ['declaration', DECLARATION],
  ['instruction', INSTRUCTION],
];

/** Cuts `html` into tokens; offsets are UTF-16 indices into `html`. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let text = '';
  let textStart = 0;
  const flush = () => {
    if (text) tokens.push({ type: 'text', value: text, offset: textStart });
    text = '';
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      if (!text) textStart = i;
      text += html.slice(i);
      break;
    }
    if (lt > i) {
      if (!text) textStart = i;
      text += html.slice(i, lt);
    }
    const token = readMarkup(html, lt);
    if (token) {
      flush();
      tokens.push(token.token);
      i = token.end;
    } else {
      // A `<` that opens nothing is text.
      if (!text) textStart = lt;
      text += '<';
      i = lt + 1;
    }
  }
  flush();
  return tokens;
}

function readMarkup(html: string, at: number): { token: HtmlToken; end: number } | null {
  const next = html[at + 1];
  if (next === '/') {
    const m = exec(END_TAG, html, at);
    return m && { token: { type: 'end', name: m[1]!.toLowerCase(), offset: at }, end: at + m[0].length };
  }
  if (next === '!' || next === '?') {
    for (const [type, pattern] of MARKUP) {
      const m = exec(pattern, html, at);
      if (m) return { token: { type, value: m[0], offset: at } as HtmlToken, end: at + m[0].length };
    }
    return null;
  }
  const m = exec(START_TAG, html, at);
  if (!m) return null;
  return {
    token: {
      type: 'start',
      name: m[1]!.toLowerCase(),
      attributes: parseAttributes(m[2]!),
      selfClosing: m[3] === '/',
      offset: at,
    },
    end: at + m[0].length,
  };
}

function exec(pattern: RegExp, html: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(html);
}

function parseAttributes(text: string): HtmlAttribute[] {
  const attributes: HtmlAttribute[] = [];
  for (const m of text.matchAll(ATTRIBUTE_PARTS)) {
    attributes.push({ name: m[1]!.toLowerCase(), value: m[2] ?? m[3] ?? m[4] ?? null });
  }
  return attributes;
}
