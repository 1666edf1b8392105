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
import { SaxesParser } from 'saxes';
import type { DiagnosticCode } from '../diagnostics.ts';
import { checkElement, FIX_OTHER_ORIGIN, FIX_SCRIPT } from './svg-element.ts';
import { crossOriginLoadInCss, hasScriptUrl } from './svg-urls.ts';

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

/** Encodings that read the bytes as this check reads them (UTF-8, of which ASCII is a part). */
const SAME_ENCODING = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

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

/** Index of the first character of each line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
