import { FILE_START, type DiagnosticList, type Position } from '../diagnostics.ts';

/**
 * Decodes a content file: UTF-8 only (a BOM is accepted and dropped), CRLF and CR turned
 * into LF so that every later position is a line and column of the file as the writer sees it.
 * Returns null (after reporting) for a file that is not UTF-8 or holds nothing.
 */
export function decodeTextFile(bytes: Uint8Array, file: string, diagnostics: DiagnosticList): string | null {
  const known = decodedTexts.get(bytes);
  if (known !== undefined) return known;
  // One strict decode for the usual file; what went wrong is worked out only when something did.
  let text: string | null = null;
  if (!utf16Order(bytes)) {
    try {
      text = normaliseText(utf8(true).decode(bytes));
    } catch {
      text = null;
    }
  }
  if (text === null) {
    const problem = encodingProblem(bytes)!;
    diagnostics.error('file-encoding', file, problem.at, problem.message);
    return null;
  }
  if (text.trim() === '') {
    diagnostics.error('file-empty', file, FILE_START, 'This file is empty; write its front matter, or delete the file');
    return null;
  }
  decodedTexts.set(bytes, text);
  return text;
}

/**
 * Texts decoded, by the bytes they were decoded from (only those without a problem to
 * report: a problem is reported on every read). The dev preview hands the same bytes for a
 * file that did not change (source-files.ts): a refresh then decodes only what changed, and
 * what is keyed by the text (the entry cache) meets the very same string.
 */
const decodedTexts = new WeakMap<Uint8Array, string>();

/** BOM removed, line endings made LF: the form every hash and position is taken of. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Why a file cannot be read as UTF-8, and where: null when it can. */
export interface EncodingProblem {
  at: Position;
  message: string;
}

const SAVE_AS_UTF8 = 'save it as UTF-8 (with or without BOM) in your editor';

/** What a UTF-16 file starts with. */
const UTF16_BOMS: [number, number, string][] = [
  [0xff, 0xfe, 'little-endian'],
  [0xfe, 0xff, 'big-endian'],
];

function utf8(fatal: boolean): TextDecoder {
  return new TextDecoder('utf-8', { fatal, ignoreBOM: false });
}

/**
 * UTF-16 (by its byte order mark, or by the NUL byte that comes with every ASCII character
 * of it, which UTF-8 allows) is a whole-file problem; any other text that is not UTF-8 is
 * reported at its first invalid byte, naming Windows-1252 (Latin-1) when the file reads as that.
 */
export function encodingProblem(bytes: Uint8Array): EncodingProblem | null {
  const utf16 = utf16Order(bytes);
  if (utf16) {
    return {
      at: FILE_START,
      message: `This file is saved as UTF-16 (${utf16}), not UTF-8; ${SAVE_AS_UTF8}`,
    };
  }
  const offset = firstInvalidByte(bytes);
  if (offset === null) return null;
  const before = normaliseText(utf8(false).decode(bytes.subarray(0, offset)));
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
  const legacy = windows1252Char(bytes, offset);
  const likely = legacy
    ? `the byte ${byte} here reads as "${legacy}" in Windows-1252 (Latin-1), the encoding the file is likely saved in`
    : `the byte ${byte} here is not part of a UTF-8 character`;
  return { at: { line, column }, message: `This file is not valid UTF-8: ${likely}; ${SAVE_AS_UTF8}` };
}

/** `little-endian` or `big-endian` for a UTF-16 file, null otherwise. */
function utf16Order(bytes: Uint8Array): string | null {
  for (const [first, second, order] of UTF16_BOMS) if (bytes[0] === first && bytes[1] === second) return order;
  // Text files hold no NUL: in UTF-16 every ASCII character has one, on the even or odd bytes.
  let even = 0;
  let odd = 0;
  const sample = Math.min(bytes.length, 4096);
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = sample / 2;
  if (half >= 2 && odd >= half / 2 && odd > even) return 'little-endian';
  if (half >= 2 && even >= half / 2 && even > odd) return 'big-endian';
  return null;
}

/**
 * Offset of the first byte that starts no valid UTF-8 character, found by bisection with the
 * platform's strict decoder: a streaming decode of a prefix fails exactly when the prefix
 * holds an invalid sequence, and the bytes it decoded end where that sequence begins.
 */
function firstInvalidByte(bytes: Uint8Array): number | null {
  // The BOM kept in the decoded text, so that its length in bytes is an offset in the file.
  const decoder = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const valid = (length: number) => {
    try {
      decoder().decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (valid(bytes.length) && validEnd(bytes)) return null;
  // The longest prefix that still decodes (with its last character possibly incomplete).
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (valid(mid)) low = mid;
    else high = mid - 1;
  }
  const decoded = decoder().decode(bytes.subarray(0, low), { stream: true });
  return new TextEncoder().encode(decoded).length;
}

/** A file whose last character is cut short is not UTF-8 either. */
function validEnd(bytes: Uint8Array): boolean {
  try {
    utf8(true).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The character at `offset` as Windows-1252 reads it, when the whole file reads as
 * Windows-1252 text (no control character but tabs and line breaks); null otherwise.
 */
function windows1252Char(bytes: Uint8Array, offset: number): string | null {
  const text = new TextDecoder('windows-1252').decode(bytes);
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(text)) return null;
  return text[offset] ?? null;
}
