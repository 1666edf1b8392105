/**
 * Plain text of Markdown inline content, and cutting that content at a plain-text offset.
 * Steps are split (`→`) and stripped of their `Attendu :` label inside the inline tree, so
 * that emphasis, code and links on both sides survive; offsets are counted in the plain
 * text defined here, which is also what ids and exports read. Browser-safe.
 */
import type { Nodes, PhrasingContent } from 'mdast';

/**
 * Plain text of a node: text and code as written, an image as its alt text, a hard break as
 * a newline; raw HTML counts for nothing (`<kbd>S</kbd>` reads `S`).
 */
export function plainText(node: Nodes | readonly Nodes[]): string {
  if (Array.isArray(node)) return (node as readonly Nodes[]).map(plainText).join('');
  const one = node as Nodes;
  switch (one.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return one.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return one.alt ?? '';
    case 'html':
    case 'definition':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in one ? plainText(one.children) : '';
  }
}

/** Collapses runs of spaces, tabs and newlines (not no-break spaces, which French needs) and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

/**
 * What shows nothing on a page: spaces of every kind (no-break ones too), format characters
 * (zero-width spaces and joiners, BOMs, bidirectional marks, soft hyphens), controls, and the
 * letters and symbols drawn as blanks (Hangul fillers, the braille blank, variation selectors).
 */
const INVISIBLE = /^[\p{White_Space}\p{Cf}\p{Cc}\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0\ufe00-\ufe0f]*$/u;

/** Whether `text` shows nothing a reader could follow: empty, or only invisible characters. */
export function isBlankText(text: string): boolean {
  return INVISIBLE.test(text);
}

function length(node: PhrasingContent): number {
  return plainText(node).length;
}

/**
 * The part of `nodes` whose plain text lies in [start, end). Text and inline code are cut;
 * emphasis, links and the like are kept around what remains of their children (and dropped
 * when nothing remains); images and breaks are kept whole when they overlap; raw HTML, which
 * has no text, is kept when it sits inside the range or at its end, so `<kbd>x</kbd>` before
 * an arrow keeps its closing tag.
 */
export function sliceInline(nodes: readonly PhrasingContent[], start: number, end: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let offset = 0;
  for (const node of nodes) {
    const nodeStart = offset;
    const size = length(node);
    const nodeEnd = offset + size;
    offset = nodeEnd;
    if (size === 0) {
      if (nodeStart >= start && nodeStart <= end) out.push(node);
      continue;
    }
    if (nodeEnd <= start || nodeStart >= end) continue;
    if (nodeStart >= start && nodeEnd <= end) {
      out.push(node);
    } else if (node.type === 'text' || node.type === 'inlineCode') {
      out.push({
        ...node,
        value: node.value.slice(Math.max(start - nodeStart, 0), Math.min(end, nodeEnd) - nodeStart),
      });
    } else if ('children' in node) {
      const children = sliceInline(node.children as PhrasingContent[], start - nodeStart, end - nodeStart);
      if (children.length > 0) out.push({ ...node, children } as PhrasingContent);
    } else {
      out.push(node);
    }
  }
  return out;
}

/** `nodes` without leading and trailing whitespace (no-break spaces included). */
export function trimInline(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const text = plainText(nodes);
  const start = text.search(/\S/);
  if (start === -1) return [];
  const end = text.length - (text.length - text.trimEnd().length);
  return sliceInline(nodes, start, end);
}

/**
 * Arrows that split a step from its expected result: `→`, `->`; the dashes before `->` are
 * part of it (`-->`). Found as `→` or `->` (fixed length, so one pass over the text) and then
 * widened over the dashes before it: a pattern such as `-+>` would rescan every run of
 * dashes from each of its dashes, which takes minutes on a long line of them.
 */
const ARROW = /→|->/;

/** [start, end) of the first arrow of `text`, or null. */
export function arrowIn(text: string): [number, number] | null {
  const m = ARROW.exec(text);
  if (!m) return null;
  let start = m.index;
  if (m[0] === '->') while (start > 0 && text[start - 1] === '-') start--;
  return [start, m.index + m[0].length];
}

/**
 * Where the first arrow of `nodes` lies in their plain text, looking only in text (never in
 * inline code, raw HTML, URLs or alt texts): [start, end) or null.
 */
export function findArrow(nodes: readonly PhrasingContent[]): [number, number] | null {
  let offset = 0;
  const search = (list: readonly PhrasingContent[]): [number, number] | null => {
    for (const node of list) {
      if (node.type === 'text') {
        const arrow = arrowIn(node.value);
        if (arrow) return [offset + arrow[0], offset + arrow[1]];
        offset += node.value.length;
      } else if ('children' in node) {
        const found = search(node.children as PhrasingContent[]);
        if (found) return found;
      } else {
        offset += length(node);
      }
    }
    return null;
  };
  return search(nodes);
}
