/**
 * Evidence a tester attaches to an item (checklist.md, "Evidence"): what a result records of
 * each file, and the rules a file must meet to be kept. The bytes themselves live beside the
 * run (IndexedDB in the browser, a folder of the progress ZIP in a file); the result carries
 * only this record, so the run's JSON stays small and each file is checked by its SHA-256.
 * Browser-safe: Web Crypto and TextDecoder only.
 */
import { mebibytes } from '../i18n/format.ts';

/** What a result keeps of one attached file. */
export interface Attachment {
  /** Random, unique across runs: names the file in storage and in the progress ZIP. */
  id: string;
  /** The file's name, sanitised (sanitiseName); its extension agrees with `type`. */
  name: string;
  /** The type found in the file's first bytes, never the one its name or the browser claims. */
  type: EvidenceType;
  /** Bytes. */
  size: number;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
  /** When it was attached, ISO 8601 date-time. */
  added: string;
}

/** The file kinds a tester may attach, each with the extensions its name may end with (first: the one given). */
export const EVIDENCE_TYPES = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'log', 'csv', 'json', 'md'],
} as const;

export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export const EVIDENCE_TYPE_LIST = Object.keys(EVIDENCE_TYPES) as EvidenceType[];

/** Types shown as thumbnails. */
export const IMAGE_TYPES: readonly EvidenceType[] = ['image/png', 'image/jpeg', 'image/webp'];

export function isImage(type: string): boolean {
  return (IMAGE_TYPES as readonly string[]).includes(type);
}

/** The largest file a tester may attach: a screenshot or a log, not a database dump. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Longest name kept, extension included (most file systems allow 255 bytes). */
export const MAX_NAME_LENGTH = 120;

/** How much of a text file is looked at to tell it is text: enough for any binary header. */
const TEXT_SNIFF_BYTES = 64 * 1024;

/** Why a file is not kept; `evidence.refused.<code>` in src/i18n says it to the tester. */
export type RefusalCode = 'empty' | 'tooBig' | 'unknownType' | 'noCrypto';

export interface Refusal {
  code: RefusalCode;
  /** Values for the message: the file's name, size and the limit in MB. */
  params: Record<string, string | number>;
}

export type Checked<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Binary formats told by their first bytes (their "magic numbers"). */
const SIGNATURES: readonly { type: EvidenceType; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/webp', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { type: 'application/pdf', test: (b) => startsWith(b, ascii('%PDF-')) },
];

/**
 * Text: valid UTF-8 (a BOM allowed) without control characters other than tab, line feed,
 * form feed and carriage return, which no binary format manages in its first 64 KB.
 */
function isText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, TEXT_SNIFF_BYTES);
  let text: string;
  try {
    // stream: a character cut at the end of the sample is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The type of a file by its content, or null when it is none of the accepted ones. */
export function sniffType(bytes: Uint8Array): EvidenceType | null {
  const binary = SIGNATURES.find((s) => s.test(bytes));
  if (binary) return binary.type;
  return isText(bytes) ? 'text/plain' : null;
}

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A name safe to show, to store and to write as a file on any system: no folder part, no
 * control or reserved character (`<>:"/\|?*`), no leading dot, not a Windows device name, at
 * most MAX_NAME_LENGTH characters, ending with an extension of `type` (added when the name
 * has another one, so `notes.html` kept as text becomes `notes.html.txt` and never opens as
 * a page). `fallback` names a file that had no usable name (a pasted screenshot).
 */
export function sanitiseName(name: string, type: EvidenceType, fallback = 'evidence'): string {
  const extensions: readonly string[] = EVIDENCE_TYPES[type];
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    // Controls and the bidirectional overrides that make `gnp.exe` look like `exe.png`.
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = clean.lastIndexOf('.');
  let stem = dot > 0 ? clean.slice(0, dot) : clean;
  let extension = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  if (!extensions.includes(extension)) [stem, extension] = [clean, extensions[0]!];
  if (stem === '' || WINDOWS_DEVICES.test(stem.split('.')[0]!)) stem = stem ? `${fallback}-${stem}` : fallback;
  stem =
    Array.from(stem)
      .slice(0, MAX_NAME_LENGTH - extension.length - 1)
      .join('')
      .replace(/[\s.]+$/, '') || fallback;
  return `${stem}.${extension}`;
}

/** Whether the file may be kept, and as what type: every rule in one place. */
export function checkEvidence(name: string, bytes: Uint8Array): Checked<{ type: EvidenceType }> {
  const params = { name, size: mebibytes(bytes.length), limit: mebibytes(MAX_EVIDENCE_BYTES) };
  if (bytes.length === 0) return { ok: false, refusal: { code: 'empty', params } };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { ok: false, refusal: { code: 'tooBig', params } };
  const type = sniffType(bytes);
  if (!type) return { ok: false, refusal: { code: 'unknownType', params } };
  return { ok: true, type };
}

/**
 * SHA-256 of `bytes` as lowercase hex, with Web Crypto; null where the browser offers no
 * crypto.subtle (a page served over plain HTTP from another machine than localhost).
 */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** An attachment id: 12 random bytes, URL-safe base64 (safe in a storage key and a ZIP path). */
export function newAttachmentId(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  let text = '';
  for (const byte of random(new Uint8Array(12))) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_');
}

export const ATTACHMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A file as the browser hands it over: its name (maybe empty) and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * The record of a file to attach, or why it is refused. `now` dates it; `fallbackName` names
 * a file without a name. The record's type is the sniffed one and its name agrees with it.
 */
export async function makeAttachment(
  file: IncomingFile,
  now: Date,
  fallbackName = 'evidence',
  id = newAttachmentId(),
): Promise<Checked<{ attachment: Attachment }>> {
  const checked = checkEvidence(file.name, file.bytes);
  if (!checked.ok) return checked;
  const sha256 = await sha256Hex(file.bytes);
  if (!sha256) return { ok: false, refusal: { code: 'noCrypto', params: { name: file.name } } };
  const attachment: Attachment = {
    id,
    name: sanitiseName(file.name, checked.type, fallbackName),
    type: checked.type,
    size: file.bytes.length,
    sha256,
    added: now.toISOString(),
  };
  return { ok: true, attachment };
}
