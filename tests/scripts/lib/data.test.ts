import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readGzipJson } from '../../../src/scripts/lib/data.ts';

const value = { schema: 2, entries: [['GES-1', 'Remise « client » & co', 'correction', ['ventes'], 'h', []]] };
const text = `${JSON.stringify(value)}\n`;

describe('reading a gzipped data file', () => {
  it('unpacks the gzip the site writes', async () => {
    const gzipped = gzipSync(text, { level: 9 });
    expect(await readGzipJson(new Response(new Uint8Array(gzipped)))).toEqual(value);
  });

  it('reads the JSON a host sent with Content-Encoding: gzip, which the browser unpacked on the way', async () => {
    expect(await readGzipJson(new Response(text))).toEqual(value);
  });

  it('fails on a cut file instead of giving part of it', async () => {
    const gzipped = gzipSync(text);
    await expect(
      readGzipJson(new Response(new Uint8Array(gzipped.subarray(0, gzipped.length - 12)))),
    ).rejects.toThrow();
  });
});
