import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkEvidence,
  makeAttachment,
  MAX_EVIDENCE_BYTES,
  MAX_NAME_LENGTH,
  newAttachmentId,
  sanitiseName,
  sha256Hex,
  sniffType,
} from '../../../src/core/run/evidence.ts';
import { parseSavedRun, serializeRun } from '../../../src/core/run/saved.ts';
import type { SavedRun } from '../../../src/core/run/types.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array<ArrayBuffer> => {
  const out: number[] = [];
  for (const part of parts) out.push(...(typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part));
  return new Uint8Array(out);
};

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
const PDF = bytes('%PDF-1.7\n');

describe('what a file is, by its first bytes', () => {
  it('tells PNG, JPEG, WebP, PDF and text apart whatever the name says', () => {
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(WEBP)).toBe('image/webp');
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(bytes('2026-12-01 12:00 ERREUR facture 42\r\n\tdétail\n'))).toBe('text/plain');
  });

  it('refuses binary content that is none of them', () => {
    // An executable, a ZIP, a GIF, a RIFF that is not WebP (a WAV), invalid UTF-8, a control character.
    expect(sniffType(bytes('MZ', [0x90, 0, 3, 0]))).toBeNull();
    expect(sniffType(bytes('PK', [3, 4, 20, 0]))).toBeNull();
    expect(sniffType(bytes('GIF89a', [1, 0, 1, 0, 0x80]))).toBeNull();
    expect(sniffType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffType(bytes('abc', [0xc3, 0x28]))).toBeNull();
    expect(sniffType(bytes('abc', [0x00], 'def'))).toBeNull();
  });

  it('keeps as text a UTF-8 file whose sample ends inside a character', () => {
    const long = new Uint8Array(64 * 1024 + 10).fill(0x61);
    long.set([0xc3, 0xa9], 64 * 1024 - 1); // é across the end of the sample
    expect(sniffType(long)).toBe('text/plain');
  });
});

describe('the rules a file must meet', () => {
  it('refuses an empty file, one over 10 MB and an unknown type, with the name and sizes to say so', () => {
    expect(checkEvidence('vide.png', new Uint8Array(0))).toMatchObject({ ok: false, refusal: { code: 'empty' } });
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(PNG);
    expect(checkEvidence('écran.png', big)).toEqual({
      ok: false,
      refusal: { code: 'tooBig', params: { name: 'écran.png', size: '10.0', limit: '10.0' } },
    });
    expect(checkEvidence('setup.png', bytes('MZ', [0x90, 0]))).toMatchObject({
      ok: false,
      refusal: { code: 'unknownType', params: { name: 'setup.png' } },
    });
    const limit = new Uint8Array(MAX_EVIDENCE_BYTES);
    limit.set(PDF);
    expect(checkEvidence('pv.pdf', limit)).toEqual({ ok: true, type: 'application/pdf' });
  });
});

describe('names', () => {
  it('keeps a good name and gives the extension of the type found otherwise', () => {
    expect(sanitiseName('Écran facture.png', 'image/png')).toBe('Écran facture.png');
    expect(sanitiseName('photo.JPEG', 'image/jpeg')).toBe('photo.jpeg');
    expect(sanitiseName('notes.html', 'text/plain')).toBe('notes.html.txt');
    expect(sanitiseName('capture.png', 'image/jpeg')).toBe('capture.png.jpg');
    expect(sanitiseName('', 'image/png', 'capture')).toBe('capture.png');
    expect(sanitiseName('image', 'image/webp')).toBe('image.webp');
  });

  it('takes no folder, no control, reserved or direction character, no leading dot, no device name', () => {
    expect(sanitiseName('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(sanitiseName('C:\\Users\\moi\\log.txt', 'text/plain')).toBe('log.txt');
    expect(sanitiseName('a<b>c:"d|e?*\u0007.log', 'text/plain')).toBe('a_b_c__d_e___.log');
    expect(sanitiseName('facture\u202Egnp.exe', 'image/png')).toBe('facture_gnp.exe.png');
    expect(sanitiseName('.bashrc', 'text/plain')).toBe('bashrc.txt');
    expect(sanitiseName('  ..  ', 'text/plain')).toBe('evidence.txt');
    expect(sanitiseName('CON.txt', 'text/plain')).toBe('evidence-CON.txt');
    expect(sanitiseName('lpt1', 'text/plain')).toBe('evidence-lpt1.txt');
  });

  it('shortens a long name and keeps its extension', () => {
    const name = sanitiseName(`${'é'.repeat(300)}.pdf`, 'application/pdf');
    expect(name.length).toBe(MAX_NAME_LENGTH);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
});

describe('the attachment record', () => {
  it('records the sniffed type, the sanitised name, the size and the SHA-256 of the bytes', async () => {
    const made = await makeAttachment({ name: 'erreur.log.png', bytes: JPEG }, new Date('2026-12-01T10:00:00Z'));
    expect(made).toEqual({
      ok: true,
      attachment: {
        id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
        name: 'erreur.log.png.jpg',
        type: 'image/jpeg',
        size: JPEG.length,
        sha256: createHash('sha256').update(JPEG).digest('hex'),
        added: '2026-12-01T10:00:00.000Z',
      },
    });
  });

  it('hashes with Web Crypto as node:crypto does', async () => {
    expect(await sha256Hex(bytes(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex(PDF)).toBe(createHash('sha256').update(PDF).digest('hex'));
  });

  it('makes different ids', () => {
    expect(new Set(Array.from({ length: 50 }, () => newAttachmentId())).size).toBe(50);
  });

  it('travels in a saved run, and a wrong record is left out with its result', async () => {
    const made = await makeAttachment({ name: 'a.png', bytes: PNG }, new Date('2026-12-01T10:00:00Z'));
    if (!made.ok) throw new Error('refused');
    const scope = { product: 'Gestan', base: '/' };
    const run: SavedRun = {
      id: 'run1',
      name: 'Recette',
      created: '2026-12-01T09:00:00.000Z',
      updated: '2026-12-01T10:00:00.000Z',
      buildId: null,
      request: { from: null, to: '15.3.0', modules: [], editions: [], processes: [] },
      results: {
        'a#1': { status: 'failed', comment: 'KO', evidence: [made.attachment] },
        'a#2': { status: 'failed', evidence: [{ ...made.attachment, sha256: 'nope' }] },
      },
      signOff: null,
    };
    const read = parseSavedRun(serializeRun(run, scope), scope, 'fr');
    expect(read.ok && read.run.results['a#1']?.evidence).toEqual([made.attachment]);
    expect(read.ok && read.dropped).toEqual([{ run: 'run1', item: 'a#2' }]);
  });
});
