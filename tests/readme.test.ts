import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/core/diagnostics.ts';
import { EXPORT_FORMATS } from '../src/core/export/index.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('lists every diagnostic code with its meaning, and no other', () => {
    const listed = [...readme.matchAll(/^\| `([a-z0-9-]+)` +\| (.+?) +\|$/gm)].map(([, code, text]) => [code, text]);
    expect(Object.fromEntries(listed)).toEqual(DIAGNOSTIC_CODES);
  });

  it('names every export format the CLI accepts', () => {
    expect(readme).toContain(`[--format ${EXPORT_FORMATS.map((f) => f.id).join('|')}]`);
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
  });
});
