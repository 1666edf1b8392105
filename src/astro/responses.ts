import { extname } from 'node:path';
import { jsonFileText } from '../core/build/version-files.ts';

/** A data file: compact JSON, UTF-8 (the browser loads these; servers compress them). */
export function jsonResponse(value: unknown): Response {
  return jsonTextResponse(jsonFileText(value));
}

/** A data file whose text is made already (core/build/version-files.ts). */
export function jsonTextResponse(text: string): Response {
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/** A gzipped data file (core/build/version-files.ts makes its bytes). */
export function gzipResponse(bytes: Uint8Array): Response {
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/gzip' } });
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
