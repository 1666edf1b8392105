/**
 * How a browser reads the URLs and the CSS of an SVG, for the check in svg.ts: a script URL
 * however it is hidden, a URL that leaves the file's origin, what a piece of CSS would load.
 */
import { decodeCharacterReferences, URL_STRIPPED } from './safe-html.ts';

/** A value as a browser reads a URL: without the spaces and controls it ignores, lowercased. */
export function plain(value: string): string {
  return value.replace(URL_STRIPPED, '').toLowerCase();
}

/** Whether a value holds a script URL anywhere, whatever spaces, controls or references hide it. */
export function hasScriptUrl(value: string): boolean {
  return /(?:java|vb)script:/.test(plain(value)) || /(?:java|vb)script:/.test(plain(decodeCharacterReferences(value)));
}

/**
 * Whether a URL leaves the file's origin: protocol-relative (`//host/…`, a backslash counting
 * as a slash as browsers read it) or with a scheme of its own (`https:`, `ftp:`…). A `data:`
 * URL stays in the file (which `data:` URLs are allowed is checked apart); a relative URL or
 * a `#fragment` stays on the site.
 */
export function isOtherOrigin(url: string): boolean {
  const value = plain(url).replaceAll('\\', '/');
  if (value.startsWith('//')) return true;
  return /^[a-z][a-z0-9+.-]*:/.test(value) && !value.startsWith('data:');
}

/**
 * What in a piece of CSS would load from another origin, as "it …", or null. The CSS is read
 * with its escapes decoded and its comments dropped, as a browser reads it (`u\72l(` is
 * `url(`); every `url(…)` and every quoted string is then taken for a URL, which also covers
 * `image-set("…")` and `src("…")`. Any `@import` is refused: the sheet it loads could load
 * further.
 */
export function crossOriginLoadInCss(css: string): string | null {
  const decoded = decodeCssEscapes(css).replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '');
  if (/@import/i.test(decoded)) return 'it imports another stylesheet (@import), which would load from another origin';
  for (const match of decoded.matchAll(/url\(([^)]*)|"([^"]*)"|'([^']*)'/gi)) {
    // A quoted url("…") is read up to its `)`, its quotes dropped here.
    const url = (match[1] ?? match[2] ?? match[3] ?? '').trim().replace(/^["']\s*|\s*["']$/g, '');
    if (isOtherOrigin(url)) return `it would load ${url} from another origin`;
  }
  return null;
}

/** CSS with its escapes (`\72`, `\"`, an escaped line break) replaced by what they stand for. */
export function decodeCssEscapes(css: string): string {
  return css.replace(
    /\\(?:([0-9a-f]{1,6})(?:\r\n|[ \t\n\r\f])?|(\r\n|[\n\r\f])|([\s\S]))/gi,
    (_, hex, _newline, char) => {
      if (char !== undefined) return char;
      if (hex === undefined) return '';
      const code = parseInt(hex, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
        ? '\ufffd'
        : String.fromCodePoint(code);
    },
  );
}
