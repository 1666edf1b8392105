import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATHS, NO_CHROMIUM, findChromium } from './browser.ts';

describe('finding Chromium', () => {
  it('prefers CHROME_PATH, then the usual paths', () => {
    expect(findChromium({ CHROME_PATH: process.execPath }, [])).toBe(process.execPath);
    expect(findChromium({}, ['/nonexistent/chromium', process.execPath])).toBe(process.execPath);
    expect(CHROMIUM_PATHS[0]).toBe('/usr/bin/chromium');
  });

  it('fails with one line saying how to get one', () => {
    expect(() => findChromium({}, ['/nonexistent/chromium'])).toThrow(NO_CHROMIUM);
    expect(NO_CHROMIUM).not.toContain('\n');
  });
});
