import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The text of a data file: compact JSON, UTF-8, one line. */
function jsonText(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** A data file: compact JSON, UTF-8 (the browser loads these; servers compress them). */
export function jsonResponse(value: unknown): Response {
  return new Response(jsonText(value), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/**
 * The same bytes as `jsonResponse(value)`, gzipped: for the files the browser loads by the
 * thousand, so that they are small on any host, compressing or not. zlib writes no time in
 * the header: the same value gives the same bytes in every build.
 */
export function gzipJsonResponse(value: unknown): Response {
  return new Response(new Uint8Array(gzipSync(jsonText(value), { level: 9 })), {
    headers: { 'Content-Type': 'application/gzip' },
  });
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

export function assetResponse(file: string, bytes: Uint8Array): Response {
  const type = IMAGE_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': type } });
}
