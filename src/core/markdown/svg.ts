/**
 * The check of SVG assets (content-format.md, "Assets"): an SVG that holds a script, an
 * event-handler attribute or a `javascript:` URL is refused, because a reader who opens the
 * image on its own gets a live document on the site's origin. The file is read with a real
 * parser (parse5, through hast-util-from-html), which reads more leniently than a browser's
 * XML parser: whatever a browser could see as a script, this sees too.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { decodeCharacterReferences, URL_STRIPPED } from './safe-html.ts';

/** Elements that run code, or embed a document that can. */
const SCRIPT_ELEMENTS = new Set(['script', 'handler']);
const EMBEDDING_ELEMENTS = new Set(['iframe', 'frame', 'object', 'embed', 'applet']);

/** Bounds on XML entity expansion, so a crafted file cannot blow up (billion laughs). */
const MAX_EXPANSION_ROUNDS = 8;
const MAX_EXPANDED_LENGTH = 100_000;

/** Why the SVG `text` is refused, or null when it is safe to publish. */
export function checkSvg(text: string): string | null {
  const entities = readEntities(text);
  if (typeof entities === 'string') return entities;
  if (/<\?xml-stylesheet/i.test(text)) return 'it holds an <?xml-stylesheet?> instruction, which can load a script';

  const tree = fromHtml(text, { fragment: true, space: 'svg' });
  let reason: string | null = null;
  const visit = (node: Root | RootContent) => {
    if (reason !== null) return;
    if (node.type === 'element') reason = checkElement(node, entities);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return reason;
}

function checkElement(element: Element, entities: ReadonlyMap<string, string>): string | null {
  const name = localName(element.tagName);
  if (SCRIPT_ELEMENTS.has(name)) return `it holds a <${element.tagName}> element`;
  if (EMBEDDING_ELEMENTS.has(name)) return `it embeds a document with <${element.tagName}>, which can run a script`;
  for (const [property, raw] of Object.entries(element.properties)) {
    if (/^on/i.test(localName(property)))
      return `it holds an event-handler attribute (${attributeName(property)}) on <${element.tagName}>`;
    if (raw === null || raw === undefined || typeof raw === 'boolean') continue;
    const value = expandEntities(Array.isArray(raw) ? raw.join(' ') : String(raw), entities);
    if (hasScriptUrl(value)) return `it holds a javascript: URL (${attributeName(property)} of <${element.tagName}>)`;
    // `<set attributeName="onclick" to="…">` would animate an event handler into place.
    if (property === 'attributeName' && /^\s*on/i.test(value))
      return `it animates an event-handler attribute (${value}) on <${element.tagName}>`;
  }
  if (name === 'style') {
    const css = element.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    if (hasScriptUrl(expandEntities(css, entities))) return 'it holds a javascript: URL in a <style> element';
  }
  return null;
}

/** `svg:script` → `script`, `xlink:onclick` → `onclick`, lowercased. */
function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1).toLowerCase();
}

/** hast property names back to the attribute a writer sees: `onLoad` → `onload`, `xLinkHref` → `xlink:href`. */
function attributeName(property: string): string {
  if (/^on[A-Z]/.test(property)) return property.toLowerCase();
  if (/^xLink[A-Z]/.test(property)) return `xlink:${property.slice(5).toLowerCase()}`;
  return property;
}

/** Whether a value holds a script URL anywhere, whatever spaces, controls or references hide it. */
function hasScriptUrl(value: string): boolean {
  const plain = (text: string) => text.replace(URL_STRIPPED, '').toLowerCase();
  return /(?:java|vb)script:/.test(plain(value)) || /(?:java|vb)script:/.test(plain(decodeCharacterReferences(value)));
}

/**
 * The general entities the DOCTYPE's internal subset declares (`<!ENTITY js "javascript:">`),
 * which a browser's XML parser expands in attribute values; or why the file is refused when
 * one holds markup.
 */
function readEntities(text: string): Map<string, string> | string {
  const entities = new Map<string, string>();
  if (!text.includes('<!ENTITY')) return entities;
  for (const m of text.matchAll(/<!ENTITY\s+(%\s+)?([^\s"'>]+)\s+(?:"([^"]*)"|'([^']*)')/g)) {
    const value = m[3] ?? m[4] ?? '';
    if (/</.test(value)) return `its XML entity "${m[2]}" holds markup`;
    if (!m[1]) entities.set(m[2]!, value);
  }
  return entities;
}

function expandEntities(value: string, entities: ReadonlyMap<string, string>): string {
  if (entities.size === 0) return value;
  let text = value;
  for (let round = 0; round < MAX_EXPANSION_ROUNDS && text.includes('&'); round++) {
    const next = text.replace(/&([^\s&;#]+);/g, (whole, name: string) => entities.get(name) ?? whole);
    if (next === text) break;
    text = next.length > MAX_EXPANDED_LENGTH ? next.slice(0, MAX_EXPANDED_LENGTH) : next;
  }
  return text;
}
