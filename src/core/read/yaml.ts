import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
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
  for (const error of doc.errors) {
    const code = YAML_ERROR_CODES[error.code] ?? 'yaml-syntax';
    diagnostics.error(code, file, toPosition(error.pos[0]), yamlErrorMessage(error.code, error.message));
    usable = false;
  }
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
  };
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
