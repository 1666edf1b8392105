/**
 * The check of one SVG element and its attributes, for svg.ts: the elements, namespaces and
 * attributes that could run a script or load from another origin once the file is a page.
 */
import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';
import { crossOriginLoadInCss, decodeCssEscapes, hasScriptUrl, isOtherOrigin, plain } from './svg-urls.ts';

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

/** Elements whose `href` is a link the reader follows, not a load (local names). */
const LINK_ELEMENTS = new Set(['a']);

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export const FIX_SCRIPT = 'export it again without scripts, event handlers, HTML or javascript: links';
export const FIX_OTHER_ORIGIN =
  'copy what it loads into this file, or into assets/ and point at it with a relative URL';

/** Stops the check at `index` for `reason` (it throws); `fix` defaults to FIX_SCRIPT. */
export type Refuse = (index: number, reason: string, fix?: string) => never;

/** Where a tag is, as written. */
export interface TagContext {
  /** Index of the tag's `<`. */
  start: number;
  /** Each attribute as written (name, `=`, quotes, character references) and where, by qualified name. */
  attributes: ReadonlyMap<string, { raw: string; start: number }>;
  /** Whether the tag is inside a <foreignObject>. */
  inForeignObject: boolean;
}

/** Refuses `tag` (through `refuse`, which throws) for the first thing in it that could run a script. */
export function checkElement(tag: SaxesTagNS, context: TagContext, refuse: Refuse): void {
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
