import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  parseDocument,
  visit,
  type CST,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { FILE_START, type DiagnosticCode, type DiagnosticList, type Position } from '../diagnostics.ts';

/**
 * YAML as the contract reads it: every scalar keeps the text it was written as
 * (`14.10` stays "14.10"), lists and mappings become arrays and prototype-free objects,
 * and any value can be traced back to its line and column.
 */
export type Plain = string | null | Plain[] | PlainMap;
export interface PlainMap {
  [key: string]: Plain;
}

export type Path = readonly (string | number)[];

export interface YamlText {
  value: Plain;
  /** Where the value at `path` is; falls back to the closest existing parent. */
  at(path: Path): Position;
  /** Where the key of the value at `path` is (for unknown keys). */
  keyAt(path: Path): Position;
  /** Whether the value at `path` is written as a bare number (`4521`, `15.3`), not as quoted text. */
  isNumber(path: Path): boolean;
}

const YAML_ERROR_CODES: Record<string, DiagnosticCode> = {
  TAB_AS_INDENT: 'yaml-tab-indent',
  DUPLICATE_KEY: 'yaml-duplicate-key',
};

/**
 * Parses `text` (YAML 1.2, core schema). `firstLine` is the line of the file where the text's
 * first line is. Returns null, after reporting, when the YAML cannot be used.
 */
export function readYaml(text: string, file: string, diagnostics: DiagnosticList, firstLine = 1): YamlText | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    strict: true,
  });
  const toPosition = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };

  let usable = true;
  // The parser notices an unclosed quote or bracket only where the text ends: the writer is
  // told where it opens, and the errors it causes further down are left out.
  const unclosed = doc.errors.length > 0 ? findUnclosed(text) : null;
  if (unclosed) {
    diagnostics.error('yaml-syntax', file, toPosition(unclosed.offset), unclosedMessage(unclosed.opening));
    usable = false;
  }
  for (const error of doc.errors) {
    if (unclosed && error.pos[0] >= unclosed.offset && !(error.code in YAML_ERROR_CODES)) continue;
    const code = YAML_ERROR_CODES[error.code] ?? 'yaml-syntax';
    diagnostics.error(code, file, toPosition(error.pos[0]), yamlErrorMessage(error.code, error.message));
    usable = false;
  }
  // An anchor is written `&name`, an alias `*name`: a text without either has neither, and
  // the walk over every node is left out.
  const anchored = text.includes('&') || text.includes('*');
  if (anchored)
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        diagnostics.error('yaml-alias', file, toPosition(node.range?.[0] ?? 0), aliasMessage);
        usable = false;
      } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
        // The node's range starts after its anchor: point at the `&name` itself.
        const start = node.range?.[0] ?? 0;
        const anchorAt = text.lastIndexOf(`&${node.anchor}`, start);
        diagnostics.error('yaml-alias', file, toPosition(anchorAt === -1 ? start : anchorAt), aliasMessage);
        usable = false;
      }
    });
  if (!usable) return null;

  const value = toPlain(doc.contents);
  const nodeAt = (path: Path): YamlNode | null => findNode(doc, path);
  return {
    value,
    at(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = nodeAt(path.slice(0, n));
        if (node?.range) return toPosition(node.range[0]);
      }
      return firstLine === 1 ? FILE_START : { line: firstLine, column: 1 };
    },
    keyAt(path) {
      const parent = nodeAt(path.slice(0, -1));
      const last = path.at(-1);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && keyText(p.key) === last);
        const key = pair?.key;
        if (isScalar(key) && key.range) return toPosition(key.range[0]);
      }
      return this.at(path);
    },
    isNumber(path) {
      const node = nodeAt(path);
      return isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'number';
    },
  };
}

/** A quote or bracket of the YAML text that is never closed: where it opens, and which it is. */
export interface Unclosed {
  offset: number;
  opening: '"' | "'" | '[' | '{';
}

/** Quoted scalars as the lexer hands them over: a complete one ends with its own quote. */
const CLOSED_QUOTED: Record<string, RegExp> = {
  'double-quoted-scalar': /^"(?:[^"\\]|\\[\s\S])*"$/,
  'single-quoted-scalar': /^'(?:[^']|'')*'$/,
};

const CLOSING = new Set(['flow-seq-end', 'flow-map-end']);

/**
 * The quote or bracket that leaves the YAML open, read from the parser's concrete syntax tree.
 * An open quote swallows everything after it, brackets included, so it is the cause whenever
 * there is one; otherwise the innermost open bracket is.
 */
export function findUnclosed(text: string): Unclosed | null {
  let quote: Unclosed | null = null;
  let bracket: Unclosed | null = null;
  const walk = (token: CST.Token | null | undefined): void => {
    if (!token || quote) return;
    switch (token.type) {
      case 'document':
        walk(token.value);
        return;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (token.type === 'flow-collection' && !token.end.some((t) => CLOSING.has(t.type))) {
          bracket = { offset: token.offset, opening: token.start.source === '{' ? '{' : '[' };
        }
        for (const item of token.items) {
          walk(item.key);
          walk(item.value);
        }
        return;
      case 'double-quoted-scalar':
      case 'single-quoted-scalar':
        if (!CLOSED_QUOTED[token.type]!.test(token.source)) {
          quote = { offset: token.offset, opening: token.type === 'double-quoted-scalar' ? '"' : "'" };
        }
        return;
    }
  };
  for (const token of new Parser().parse(text)) walk(token);
  return quote ?? bracket;
}

const CLOSERS: Record<Unclosed['opening'], string> = { '"': '"', "'": "'", '[': ']', '{': '}' };

function unclosedMessage(opening: Unclosed['opening']): string {
  const what = opening === '"' || opening === "'" ? 'quote' : 'bracket';
  return `The ${what} \`${opening}\` opened here is never closed; add the \`${CLOSERS[opening]}\` where the value ends`;
}

const aliasMessage = 'YAML anchors (&name) and aliases (*name) are not allowed; write the value out in full';

function yamlErrorMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation; YAML indents with spaces only';
    case 'DUPLICATE_KEY':
      return 'This key is already set above in the same mapping; keep only one';
    default:
      return `The YAML cannot be read: ${first}`;
  }
}

function keyText(key: { value: unknown; source?: string }): string {
  return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
}

function toPlain(node: unknown): Plain {
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return null;
    // Plain scalars keep their written text: `14.10` is "14.10", `2026` is "2026".
    return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
  }
  if (isSeq(node)) return node.items.map((item) => toPlain(item));
  if (isMap(node)) {
    const map: PlainMap = Object.create(null);
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      // A prototype-free object: `__proto__` or `constructor` is an ordinary key here.
      Object.defineProperty(map, keyText(pair.key), {
        value: toPlain(pair.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return map;
  }
  return null;
}

function findNode(doc: Document.Parsed, path: Path): YamlNode | null {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && keyText(p.key) === step);
      node = pair ? (pair.value ?? pair.key) : null;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step] ?? null;
    } else {
      return null;
    }
  }
  return (node as YamlNode | null) ?? null;
}

export function isPlainMap(value: Plain | undefined): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
