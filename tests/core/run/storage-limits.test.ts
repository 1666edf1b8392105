import { describe, expect, it } from 'vitest';
import {
  MAX_PROGRESS_FILE_BYTES,
  retryDelay,
  roomForFile,
  RETRY_FIRST_MS,
  RETRY_MAX_MS,
} from '../../../src/core/run/storage-limits.ts';

describe('the limits of the browser storage', () => {
  it('waits longer before each retry of a refused write, up to a minute', () => {
    expect([0, 1, 2, 3].map(retryDelay)).toEqual([
      RETRY_FIRST_MS,
      2 * RETRY_FIRST_MS,
      4 * RETRY_FIRST_MS,
      8 * RETRY_FIRST_MS,
    ]);
    expect(retryDelay(40)).toBe(RETRY_MAX_MS);
  });

  it('refuses a file beyond the limit, or beyond what the browser says is free', () => {
    expect(roomForFile(1000, null)).toEqual({ ok: true });
    expect(roomForFile(MAX_PROGRESS_FILE_BYTES + 1, null)).toMatchObject({ ok: false, reason: 'too-big' });
    expect(roomForFile(1000, { quota: 10_000, usage: 6_000 })).toEqual({ ok: true });
    expect(roomForFile(1000, { quota: 10_000, usage: 9_000 })).toEqual({
      ok: false,
      reason: 'no-room',
      bytes: 1000,
      free: 1000,
    });
    // An estimate without numbers says nothing.
    expect(roomForFile(1000, {})).toEqual({ ok: true });
  });
});
