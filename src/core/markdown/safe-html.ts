/**
 * The one place for two rules of the content contract (content-format.md, "Raw HTML in
 * bodies"): raw HTML is limited to a safe set of elements, everything else is removed; links
 * and images may use http:, https:, mailto: and relative URLs only. `roadbook check` warns
 * with these functions and the render removes with the same ones, so a warning and a
 * removal can never disagree. Browser-safe: no Node module here.
 */
import { tokenizeHtml, type HtmlAttribute } from './html-tokens.ts';

/** The raw HTML elements a body may hold. */
export const SAFE_RAW_ELEMENTS = ['kbd', 'sub', 'sup', 'br', 'mark', 'details', 'summary', 'abbr'] as const;

/** The only attributes a safe raw element keeps; no event handler, style or class ever. */
export const SAFE_RAW_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  details: ['open'],
};

/** URL schemes links and images may use, besides relative URLs. */
export const SAFE_URL_PROTOCOLS = ['http', 'https', 'mailto'] as const;

const SAFE_ELEMENTS: ReadonlySet<string> = new Set(SAFE_RAW_ELEMENTS);
const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(SAFE_URL_PROTOCOLS);

/**
 * Elements removed together with their content, up to their end tag: what is inside is code,
 * styles or a nested document, not text a reader should see. Other removed elements only
 * lose their tags; their text stays.
 */
export const CONTENT_DROPPING_ELEMENTS: ReadonlySet<string> = new Set(
  'script style textarea title xmp iframe noembed noframes noscript plaintext template object applet svg math'.split(
    ' ',
  ),
);

export function isSafeRawAttribute(element: string, attribute: string): boolean {
  return SAFE_RAW_ATTRIBUTES[element.toLowerCase()]?.includes(attribute.toLowerCase()) ?? false;
}

/**
 * Characters ignored when reading a scheme: browsers drop C0 controls and spaces before it
 * and tabs and newlines anywhere; other spaces and invisible characters are dropped too, to
 * be safe.
 */
export const URL_STRIPPED =
  /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * Whether a link or image may point at `url`: relative URLs (`assets/x.png`, `../15.2.0/`,
 * `/path`, `#part`, `?q`) and the schemes http, https and mailto, in any case. A colon before
 * the first `/`, `?` or `#` is a scheme, as browsers and the sanitizer read it, so `C:\x` or
 * `foo:bar` are refused too. Spaces and control characters are ignored (` java\tscript:`
 * is still `javascript:`), and so are character references that a later step could decode
 * (`javascript&colon;`), so no spelling of a scheme slips through.
 */
export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  if (scheme !== null && !SAFE_PROTOCOLS.has(scheme)) return false;
  if (url.includes('&')) {
    const decoded = urlScheme(decodeCharacterReferences(url));
    if (decoded !== null && !SAFE_PROTOCOLS.has(decoded)) return false;
  }
  return true;
}

/** The lowercased scheme of `url`, or null for a relative URL. */
export function urlScheme(url: string): string | null {
  const value = url.replace(URL_STRIPPED, '');
  const colon = value.indexOf(':');
  if (colon === -1) return null;
  const end = value.search(/[/?#]/);
  if (end !== -1 && end < colon) return null;
  return value.slice(0, colon).toLowerCase();
}

/**
 * Whether `url` is a path relative to the entry's folder (`assets/x.png`, `./a.md`,
 * `../15.2.0/x.md`): no scheme and not starting with `/`, `#` or `?`. These are the URLs the
 * caller resolves to site addresses and checks for existence.
 */
export function isRelativePath(url: string): boolean {
  return url !== '' && urlScheme(url) === null && !/^[/#?\\]/.test(url.trimStart());
}

/** `HTTPS://x` → `https://x`: the sanitizer compares schemes case-sensitively. */
export function lowercaseScheme(url: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  return m ? m[1]!.toLowerCase() + url.slice(m[1]!.length) : url;
}

const NAMED_REFERENCES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  num: '#',
  quest: '?',
  amp: '&',
  nbsp: '\u00a0',
};

/** Decodes numeric character references and the named ones that matter to a scheme. */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z]+));?/g, (whole, hex, dec, name) => {
    if (hex || dec) {
      const code = hex ? Number.parseInt(hex, 16) : Number.parseInt(dec, 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_REFERENCES[String(name).toLowerCase()] ?? whole;
  });
}

/** Something a raw HTML fragment held that the page will not show. */
export interface RemovedHtml {
  /** Index in the fragment where the removed markup starts. */
  offset: number;
  /**
   * `element`: a tag outside the safe set (`name` is the element); `attribute`: an attribute
   * of a safe element (`name` is the attribute, `element` the element); `markup`: a doctype,
   * processing instruction or CDATA section (`name` is how it starts, `<!DOCTYPE`).
   */
  kind: 'element' | 'attribute' | 'markup';
  name: string;
  element?: string;
}

export interface CleanedHtml {
  /** The fragment with only safe tags (attributes filtered) and escaped text. */
  html: string;
  removed: RemovedHtml[];
}

/**
 * Cleans the raw HTML fragments of one parent, in order. A Markdown parser cuts raw HTML into
 * several nodes (`<kbd>`, text, `</kbd>`), so the filter is stateful: after a `<script>` in
 * one fragment, everything up to `</script>` is dropped, including the nodes between. The
 * caller calls `reset()` when a block (a paragraph, a list…) comes between fragments: the
 * content of an element never runs across Markdown blocks here, which keeps a stray
 * `<iframe>` from swallowing the rest of a page.
 *
 * Comments are removed without a word (writers use them as notes); doctypes, processing
 * instructions and CDATA sections are removed and reported.
 */
export class RawHtmlFilter {
  /** The element whose content is being dropped, or null. */
  dropping: string | null = null;

  reset(): void {
    this.dropping = null;
  }

  clean(fragment: string): CleanedHtml {
    const removed: RemovedHtml[] = [];
    let html = '';
    for (const token of tokenizeHtml(fragment)) {
      if (this.dropping !== null) {
        if (token.type === 'end' && token.name === this.dropping) this.dropping = null;
        continue;
      }
      switch (token.type) {
        case 'text':
          html += token.value.replace(/</g, '&lt;').replace(/>/g, '&gt;');
          break;
        case 'comment':
          break;
        case 'declaration':
        case 'instruction':
        case 'cdata':
          removed.push({ offset: token.offset, kind: 'markup', name: markupLabel(token.value) });
          break;
        case 'end':
          // An end tag of a removed element goes silently: its start tag was reported.
          if (SAFE_ELEMENTS.has(token.name)) html += `</${token.name}>`;
          break;
        case 'start':
          if (SAFE_ELEMENTS.has(token.name)) {
            html += `<${token.name}${keptAttributes(token.name, token.attributes, token.offset, removed)}>`;
          } else {
            removed.push({ offset: token.offset, kind: 'element', name: token.name });
            if (CONTENT_DROPPING_ELEMENTS.has(token.name) && !token.selfClosing) this.dropping = token.name;
          }
          break;
      }
    }
    return { html, removed };
  }
}

function keptAttributes(element: string, attributes: HtmlAttribute[], offset: number, removed: RemovedHtml[]): string {
  let kept = '';
  const seen = new Set<string>();
  for (const { name, value } of attributes) {
    if (!isSafeRawAttribute(element, name)) {
      removed.push({ offset, kind: 'attribute', name, element });
      continue;
    }
    // The first of two equal attributes wins, as in browsers.
    if (seen.has(name)) continue;
    seen.add(name);
    kept += value === null ? ` ${name}` : ` ${name}="${value.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
  }
  return kept;
}

function markupLabel(value: string): string {
  if (value.startsWith('<![CDATA[')) return '<![CDATA[';
  if (value.startsWith('<?')) return '<?…?>';
  return value.slice(0, value.search(/[\s>]|$/)) || value;
}

/** What a writer reads for one removal; analyze.ts turns it into a warning. */
export function removedHtmlMessage(removed: RemovedHtml): string {
  const allowed = SAFE_RAW_ELEMENTS.join(', ');
  switch (removed.kind) {
    case 'element':
      return `Raw HTML <${removed.name}> is not allowed and is removed from the page; allowed: ${allowed}`;
    case 'attribute':
      return `The attribute "${removed.name}" of <${removed.element}> is not allowed and is removed; raw HTML keeps only title on <abbr> and open on <details>`;
    case 'markup':
      return `Raw HTML ${removed.name} is not allowed and is removed from the page; allowed: ${allowed}`;
  }
}

export function unsafeUrlMessage(url: string, what: 'link' | 'image' | 'definition'): string {
  const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
  const effect =
    what === 'image'
      ? 'the image is removed'
      : what === 'link'
        ? 'the link is removed, its text kept'
        : 'links using it are removed';
  return `The ${what === 'definition' ? 'link definition' : what} URL "${shown}" is not allowed (${effect}); use http:, https:, mailto: or a relative URL`;
}
