import { FILE_START, type DiagnosticList } from '../diagnostics.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a content file: UTF-8 only (a BOM is accepted and dropped), CRLF and CR turned
 * into LF so that every later position is a line and column of the file as the writer sees it.
 * Returns null (after reporting) for a file that is not UTF-8 or holds nothing.
 */
export function decodeTextFile(bytes: Uint8Array, file: string, diagnostics: DiagnosticList): string | null {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    diagnostics.error(
      'file-encoding',
      file,
      FILE_START,
      'This file is not valid UTF-8; save it as UTF-8 (with or without BOM) in your editor',
    );
    return null;
  }
  text = normaliseText(text);
  if (text.trim() === '') {
    diagnostics.error('file-empty', file, FILE_START, 'This file is empty; write its front matter, or delete the file');
    return null;
  }
  return text;
}

/** BOM removed, line endings made LF: the form every hash and position is taken of. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
