/**
 * The check of SVG assets (content-format.md, "Assets"). A reader who opens an image on its
 * own gets a live document on the site's origin, so an SVG is read the way a browser opening
 * it reads it: as XML, with a strict, namespace-aware parser (saxes). What the parser cannot
 * read, a browser shows as an error, and it is refused; so is everything that could run a
 * script or load another document once the file is a page: script elements in any namespace
 * or spelling, event-handler attributes, `javascript:` and `data:` URLs however they are
 * spelled, HTML in the drawing, `<use>` of another file, animations that rewrite a link.
 * So is anything that would load from another origin once the file is opened (the site
 * promises no request leaves its own origin): an absolute or protocol-relative URL in a
 * loading attribute of any element but a link `<a>` the reader follows, and `url(…)` or
 * `@import` in CSS (a `<style>`, a `style=`, a presentation attribute such as `fill=`).
 *
 * A DOCTYPE with an internal subset is refused whole: its entities expand into attribute
 * values and text before any check could see them (`<!ENTITY s "&#60;script&#62;…">`). Only
 * the five predefined entities are read; the parser refuses any other reference.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import type { DiagnosticCode } from '../diagnostics.ts';
import { decodeCharacterReferences, URL_STRIPPED } from './safe-html.ts';

/** Why an SVG is refused, and where in the file. */
export interface SvgProblem {
  /** Whether the file could run a script (`asset-unsafe-svg`) or is not XML a browser can read. */
  code: Extract<DiagnosticCode, 'asset-unsafe-svg' | 'asset-invalid-svg'>;
  /** What the file holds, as "it holds …". */
  reason: string;
  /** What the writer can do about it. */
  fix: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements that run code, or embed a document that can (compared by local name, lowercased). */
const SCRIPT_ELEMENTS = new Set(['script', 'handler']);
const EMBEDDING_ELEMENTS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'fencedframe',
]);

/** Namespaces whose elements a browser builds as live HTML or MathML, links and all. */
const FOREIGN_NAMESPACES = new Map([
  [XHTML_NS, 'HTML'],
  [MATHML_NS, 'MathML'],
]);

/** Elements that change another attribute over time: `<set attributeName="href" to="javascript:…">`. */
const ANIMATION_ELEMENTS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor']);

/** Attributes whose value is a URL a browser follows or loads (local names). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'codebase', 'poster', 'background']);

/**
 * Attributes where a character reference could spell a URL, the name of an attribute to
 * animate, or a style: there a writer's tool never needs one, and a reference written there
 * is refused rather than trusted to decode as this check decodes it.
 */
const LITERAL_ATTRIBUTES = new Set([...URL_ATTRIBUTES, 'attributename', 'values', 'to', 'from', 'by', 'style']);

/** Raster images embedded in the file, which an `<image>` may carry as a `data:` URL. */
const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/;
const RASTER_ELEMENTS = new Set(['image', 'feimage']);

/** Encodings that read the bytes as this check reads them (UTF-8, of which ASCII is a part). */
const SAME_ENCODING = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/** Elements whose `href` is a link the reader follows, not a load (local names). */
const LINK_ELEMENTS = new Set(['a']);

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const FIX_SCRIPT = 'export it again without scripts, event handlers, HTML or javascript: links';
const FIX_OTHER_ORIGIN = 'copy what it loads into this file, or into assets/ and point at it with a relative URL';
const FIX_MALFORMED = 'a browser opening it shows an error instead of the image; fix the file or export it again';

/** Thrown by a handler to stop the parser at the first problem. */
class Refused extends Error {
  readonly problem: SvgProblem;

  constructor(problem: SvgProblem) {
    super(problem.reason);
    this.problem = problem;
  }
}

/** Why the SVG `text` is refused, or null when it is safe to publish. */
export function checkSvg(text: string): SvgProblem | null {
  const lines = lineStarts(text);
  const positionOf = (index: number): { line: number; column: number } => {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lines[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: index - lines[low]! + 1 };
  };
  const refuse = (index: number, reason: string, fix = FIX_SCRIPT): never => {
    throw new Refused({ code: 'asset-unsafe-svg', reason, fix, ...positionOf(index) });
  };

  const parser = new SaxesParser({ xmlns: true, position: true });
  // The source read since the previous event: an attribute's raw text, a text's character references.
  let consumed = 0;
  const rawSince = (): { raw: string; start: number } => {
    const start = consumed;
    consumed = parser.position;
    return { raw: text.slice(start, consumed), start };
  };
  let tagStart = 0;
  const rawAttributes = new Map<string, { raw: string; start: number }>();
  // Open elements: whether each is in a <foreignObject>; a <style>'s text, gathered to be checked whole.
  const open: { inForeignObject: boolean; style: string | null; start: number }[] = [];
  const styleOf = () => open.at(-1)?.style ?? null;

  parser.on('error', (error) => {
    let message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    // saxes does not say which entity: the reference just read does.
    if (message === 'undefined entity') {
      const amp = text.lastIndexOf('&', parser.position - 1);
      if (amp !== -1)
        message = `the entity ${text.slice(amp, parser.position)} is not one of XML's five (&amp; &lt; &gt; &quot; &apos;)`;
    }
    throw new Refused({
      code: 'asset-invalid-svg',
      reason: `it is not well-formed XML: ${message}`,
      fix: FIX_MALFORMED,
      line: parser.line,
      column: parser.column + 1,
    });
  });
  parser.on('xmldecl', ({ encoding }) => {
    const { start } = rawSince();
    if (encoding !== undefined && !SAME_ENCODING.has(encoding.toLowerCase()))
      refuse(start, `it declares the encoding ${encoding}`, 'save it as UTF-8');
  });
  parser.on('doctype', (doctype) => {
    const { start } = rawSince();
    // The internal subset is the `[…]` outside the quoted public and system identifiers.
    if (doctype.replace(/"[^"]*"|'[^']*'/g, '').includes('['))
      refuse(
        text.lastIndexOf('<!', start + 1),
        'it has a DOCTYPE with an internal subset, whose entities could hide a script',
        'remove the DOCTYPE, or export it again without one',
      );
  });
  parser.on('processinginstruction', ({ target }) => {
    const { start } = rawSince();
    if (target.toLowerCase() === 'xml-stylesheet')
      refuse(text.lastIndexOf('<?', start + 1), 'it holds an <?xml-stylesheet?> instruction, which can load a script');
  });
  parser.on('comment', () => rawSince());
  parser.on('cdata', (data) => {
    rawSince();
    const style = styleOf();
    if (style !== null) open.at(-1)!.style = style + data;
  });
  parser.on('text', (value) => {
    const { raw, start } = rawSince();
    const style = styleOf();
    if (style === null) return;
    if (raw.includes('&#')) refuse(start, 'it holds a character reference (&#…;) in a <style> element');
    open.at(-1)!.style = style + value;
  });
  parser.on('opentagstart', () => {
    rawSince();
    // The tag's name holds no `<`: the last one read opens it.
    tagStart = text.lastIndexOf('<', parser.position - 1);
    rawAttributes.clear();
  });
  parser.on('attribute', (attribute) => {
    const { raw, start } = rawSince();
    rawAttributes.set(attribute.name, { raw, start: start + raw.length - raw.trimStart().length });
  });
  parser.on('opentag', (tag) => {
    rawSince();
    const inForeignObject = open.at(-1)?.inForeignObject ?? false;
    checkElement(tag, { start: tagStart, attributes: rawAttributes, inForeignObject }, refuse);
    const name = tag.local.toLowerCase();
    open.push({
      inForeignObject: inForeignObject || name === 'foreignobject',
      style: name === 'style' ? '' : null,
      start: tagStart,
    });
  });
  parser.on('closetag', () => {
    rawSince();
    const closed = open.pop();
    if (closed?.style && hasScriptUrl(closed.style))
      refuse(closed.start, 'it holds a javascript: URL in a <style> element');
    const load = closed?.style ? crossOriginLoadInCss(closed.style) : null;
    if (load) refuse(closed!.start, `${load} in a <style> element`, FIX_OTHER_ORIGIN);
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refused) return error.problem;
    throw error;
  }
  return null;
}

/** Where a tag is, as written. */
interface TagContext {
  /** Index of the tag's `<`. */
  start: number;
  /** Each attribute as written (name, `=`, quotes, character references) and where, by qualified name. */
  attributes: ReadonlyMap<string, { raw: string; start: number }>;
  /** Whether the tag is inside a <foreignObject>. */
  inForeignObject: boolean;
}

/** Refuses `tag` (through `refuse`, which throws) for the first thing in it that could run a script. */
function checkElement(
  tag: SaxesTagNS,
  context: TagContext,
  refuse: (index: number, reason: string, fix?: string) => never,
): void {
  const name = tag.local.toLowerCase();
  const at = context.start;
  if (SCRIPT_ELEMENTS.has(name)) refuse(at, `it holds a <${tag.name}> element`);
  if (EMBEDDING_ELEMENTS.has(name)) refuse(at, `it embeds a document with <${tag.name}>, which can run a script`);
  const foreign = FOREIGN_NAMESPACES.get(tag.uri);
  if (foreign) refuse(at, `it holds ${foreign} (<${tag.name}>), which a browser builds as a live page`);
  if (context.inForeignObject && tag.uri !== SVG_NS)
    refuse(at, `it embeds HTML or other markup in <foreignObject> (<${tag.name}>)`);

  const attributes = Object.values(tag.attributes) as SaxesAttributeNS[];
  const startOf = (attribute: SaxesAttributeNS) => context.attributes.get(attribute.name)?.start ?? at;
  for (const attribute of attributes) {
    const local = attribute.local.toLowerCase();
    if (local.startsWith('on'))
      refuse(startOf(attribute), `it holds an event-handler attribute (${attribute.name}) on <${tag.name}>`);
    if (hasScriptUrl(attribute.value))
      refuse(startOf(attribute), `it holds a javascript: URL (${attribute.name} of <${tag.name}>)`);
  }
  for (const attribute of attributes) {
    const local = attribute.local.toLowerCase();
    const value = plain(attribute.value);
    if (LITERAL_ATTRIBUTES.has(local) && context.attributes.get(attribute.name)?.raw.includes('&#'))
      refuse(
        startOf(attribute),
        `it spells ${attribute.name} of <${tag.name}> with character references (&#…;), which can hide a URL`,
      );
    if (
      URL_ATTRIBUTES.has(local) &&
      value.startsWith('data:') &&
      !(RASTER_ELEMENTS.has(name) && RASTER_DATA_URL.test(value))
    )
      refuse(
        startOf(attribute),
        `it holds a data: URL (${attribute.name} of <${tag.name}>)`,
        'embed images as PNG, JPEG, GIF, WebP or AVIF only, or link them from assets/',
      );
    if (name === 'use' && local === 'href' && value !== '' && !value.startsWith('#'))
      refuse(
        startOf(attribute),
        `it uses a drawing from outside this file (<${tag.name} ${attribute.name}>)`,
        'copy what it draws into this file and point at it with #id',
      );
    const loads = URL_ATTRIBUTES.has(local) || (attribute.uri === XML_NS && local === 'base');
    const followed = LINK_ELEMENTS.has(name) && local === 'href';
    if (loads && !followed && isOtherOrigin(attribute.value))
      refuse(
        startOf(attribute),
        `it would load ${attribute.value.trim()} from another origin (${attribute.name} of <${tag.name}>)`,
        FIX_OTHER_ORIGIN,
      );
    // A style, or a presentation attribute holding CSS (`fill`, `marker-end`, `filter`, `cursor`…).
    const css = local === 'style' || /url\(/i.test(decodeCssEscapes(attribute.value));
    const cssLoad = css ? crossOriginLoadInCss(attribute.value) : null;
    if (cssLoad) refuse(startOf(attribute), `${cssLoad} (${attribute.name} of <${tag.name}>)`, FIX_OTHER_ORIGIN);
    if (ANIMATION_ELEMENTS.has(name) && local === 'attributename') {
      // `<set attributeName="onclick" to="…">` would animate an event handler into place.
      const target = value.slice(value.lastIndexOf(':') + 1);
      if (target.startsWith('on'))
        refuse(startOf(attribute), `it animates an event-handler attribute (${attribute.value}) on <${tag.name}>`);
      if (URL_ATTRIBUTES.has(target))
        refuse(
          startOf(attribute),
          `it animates a link (${attribute.value}) on <${tag.name}>, which can make it a script`,
        );
    }
  }
}

/** A value as a browser reads a URL: without the spaces and controls it ignores, lowercased. */
function plain(value: string): string {
  return value.replace(URL_STRIPPED, '').toLowerCase();
}

/** Whether a value holds a script URL anywhere, whatever spaces, controls or references hide it. */
function hasScriptUrl(value: string): boolean {
  return /(?:java|vb)script:/.test(plain(value)) || /(?:java|vb)script:/.test(plain(decodeCharacterReferences(value)));
}

/**
 * Whether a URL leaves the file's origin: protocol-relative (`//host/…`, a backslash counting
 * as a slash as browsers read it) or with a scheme of its own (`https:`, `ftp:`…). A `data:`
 * URL stays in the file (which `data:` URLs are allowed is checked apart); a relative URL or
 * a `#fragment` stays on the site.
 */
function isOtherOrigin(url: string): boolean {
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
function crossOriginLoadInCss(css: string): string | null {
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
function decodeCssEscapes(css: string): string {
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

/** Index of the first character of each line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
