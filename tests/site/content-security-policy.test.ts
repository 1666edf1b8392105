import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PAGE_POLICY } from '../../src/core/content-security-policy.ts';
import { codeStyleSheet } from '../../src/core/markdown/highlight.ts';
import { all, files, has, page, prop, tag } from './html.ts';

/**
 * Every HTML page of every fixture site carries the one policy, first in its head, and holds
 * nothing the policy refuses: no inline script or stylesheet, no style attribute, no element
 * loading from another origin. The highlighted code's classes all have their rule.
 */
const sites = inject('sites');

describe.each(Object.entries(sites))('the %s site under its Content-Security-Policy', (_name, site) => {
  it('carries the policy first in the head of every page, and nothing it refuses', async () => {
    const pages = (await files(site.out)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const path of pages) {
      const tree = await page(site.out, path);
      const head = all(tree, tag('head'))[0]!;
      const [charset, policy] = head.children.filter((c) => c.type === 'element');
      expect(prop(charset!, 'charSet'), path).toBe('utf-8');
      expect(policy?.tagName, path).toBe('meta');
      expect(prop(policy!, 'httpEquiv'), path).toBe('Content-Security-Policy');
      expect(prop(policy!, 'content'), path).toBe(PAGE_POLICY);
      for (const script of all(tree, tag('script'))) {
        expect(prop(script, 'src'), `${path}: inline script`).toMatch(/^\//);
      }
      expect(all(tree, tag('style')), `${path}: inline stylesheet`).toEqual([]);
      expect(
        all(tree, has('style')).map((el) => el.tagName),
        `${path}: style attribute`,
      ).toEqual([]);
      const external = all(tree, (el) => ['src', 'href'].some((p) => /^(?:https?:)?\/\//.test(prop(el, p) ?? '')));
      // Links to other sites are fine (a reader follows them); nothing may load from one.
      expect(
        external.filter((el) => el.tagName !== 'a' && prop(el, 'rel') !== 'canonical').map((el) => el.tagName),
        `${path}: loads from another origin`,
      ).toEqual([]);
    }
  });
});

describe('the colours of highlighted code', () => {
  it('has a rule in /code.css for every class a built code block uses', async () => {
    const { out } = sites.fr;
    const sheet = await readFile(join(out, 'code.css'), 'utf8');
    expect(sheet).toBe(await codeStyleSheet());
    const defined = new Set([...sheet.matchAll(/^\.(sk-[a-z0-9-]+)\{/gm)].map((m) => m[1]));
    const tree = await page(out, 'versions/1.0.0/CPT-1/index.html');
    const used = all(tree, (el) => el.tagName === 'span' || el.tagName === 'pre')
      .flatMap((el) => (el.properties.className as string[] | undefined) ?? [])
      .filter((c) => c.startsWith('sk-'));
    expect(used.length).toBeGreaterThan(6);
    expect(used.filter((c) => !defined.has(c))).toEqual([]);
  });
});
