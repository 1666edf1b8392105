import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSET_POLICY, HEADER_POLICY, PAGE_POLICY } from '../src/core/content-security-policy.ts';
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

describe('the README’s server settings', () => {
  const section = readme.slice(readme.indexOf('## Serving the site'), readme.indexOf('## Checklists'));
  const block = (language: string) => {
    const found = [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].filter(([, lang]) => lang === language);
    expect(found, language).toHaveLength(1);
    return found[0]![2]!;
  };

  it('shows the policy the pages carry', () => {
    expect(block('').trim()).toBe(PAGE_POLICY);
  });

  it.each([
    ['nginx', (name: string, value: string) => `add_header ${name} "${value}" always;`],
    ['apache', (name: string, value: string) => `Header always set ${name} "${value}"`],
    ['xml', (name: string, value: string) => `<add name="${name}" value="${value}" />`],
  ])('sends the pages’ policy, frame-ancestors, nosniff and a sandbox for assets (%s)', (language, header) => {
    const text = block(language);
    expect(text).toContain(header('Content-Security-Policy', HEADER_POLICY));
    expect(text).toContain(header('X-Content-Type-Options', 'nosniff'));
    expect(text).toMatch(/versions\/\[\^\/\]\+\/assets\//);
    expect(text).toContain('immutable');
    const sandbox = language === 'xml' ? `value="${ASSET_POLICY}"` : header('Content-Security-Policy', ASSET_POLICY);
    expect(text).toContain(sandbox);
  });
});
