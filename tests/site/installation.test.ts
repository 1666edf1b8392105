import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { RoadBookFile } from '../../src/core/data-files.ts';
import { all, both, files, id, one, page, prop, tag, text } from './html.ts';

/**
 * "Mon installation" as the built pages carry it, before any script: the home form is a
 * plain GET form to the upgrade page, and the header's element shows nothing.
 */
const sites = inject('sites');

async function roadBook(dir: string): Promise<RoadBookFile> {
  return JSON.parse(await readFile(join(dir, 'roadbook.json'), 'utf8')) as RoadBookFile;
}

describe('"Mon installation" without scripts', () => {
  it('is a GET form to the upgrade page on the home page: installed version, modules, editions, the newest target', async () => {
    const { out } = sites.sample;
    const book = await roadBook(out);
    const home = await page(out, 'index.html');
    const section = one(home, id('mon-installation'));
    expect(text(one(section, tag('h2')))).toBe('Mon installation');
    const form = one(section, tag('form'));
    expect(prop(form, 'method')).toBe('get');
    expect(prop(form, 'action')).toBe('/upgrade/');

    const select = one(form, tag('select'));
    expect(prop(select, 'name')).toBe('from');
    expect(
      text(
        one(
          form,
          both(tag('label'), (el) => prop(el, 'htmlFor') === prop(select, 'id')),
        ),
      ),
    ).toBe('Version installée');
    // Published and withdrawn versions, newest first; no draft.
    const installable = book.versions.filter((v) => v.status === 'published' || v.status === 'withdrawn').reverse();
    expect(all(select, tag('option')).map((o) => prop(o, 'value'))).toEqual(installable.map((v) => v.version));

    const to = one(
      form,
      both(tag('input'), (el) => prop(el, 'name') === 'to'),
    );
    expect(prop(to, 'type')).toBe('hidden');
    expect(prop(to, 'value')).toBe(book.versions.filter((v) => v.status === 'published').at(-1)!.version);
    const boxes = (name: string) =>
      all(
        form,
        both(tag('input'), (el) => prop(el, 'type') === 'checkbox' && prop(el, 'name') === name),
      ).map((el) => prop(el, 'value'));
    expect(boxes('modules')).toEqual(book.modules.map((m) => m.id));
    expect(boxes('editions')).toEqual(book.editions.map((e) => e.id));
    expect(
      text(
        one(
          form,
          both(tag('button'), (el) => prop(el, 'type') === 'submit'),
        ),
      ),
    ).toBe('Enregistrer');
  });

  it('leaves the header’s element empty on every page', async () => {
    const { out } = sites.sample;
    const pages = (await files(out)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const tree = await page(out, path);
      const header = one(tree, tag('header'));
      // Nothing until a script finds an installation: the words come with that script.
      expect(one(header, tag('rb-installation')).children, path).toEqual([]);
    }
  });

  it('speaks the site’s language and goes under its base', async () => {
    const { out } = sites.en;
    const home = await page(out, 'index.html');
    const form = one(one(home, id('mon-installation')), tag('form'));
    expect(prop(form, 'action')).toBe('/docs/roadbook/upgrade/');
    expect(text(one(home, id('mon-installation-title')))).toBe('My installation');
  });
});
