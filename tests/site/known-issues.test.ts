import { describe, expect, inject, it } from 'vitest';
import { all, cls, one, page, prop, tag, text } from './html.ts';

/**
 * Known issues and support dates on the pages of the French fixture (gestan-fr): KI-export,
 * written in 1.0.0 and fixed by FAC-3 of 1.1.0/DU1 (after the withdrawn 1.1.0); KI-smtp,
 * blocking, written in 1.1.0/DU1 and not fixed. 1.0.0's support ended on 2026-06-30,
 * 1.1.0/DU1's runs to 2030-12-31.
 */
const { out } = inject('sites').fr;

const issues = async (path: string) => {
  const tree = await page(out, path);
  return all(tree, cls('known-issue')).map((li) => ({
    id: prop(li, 'id'),
    severity: prop(li, 'dataSeverity'),
    text: text(li),
    links: all(li, tag('a')).map((a) => prop(a, 'href')),
  }));
};

describe('known issues on the version pages', () => {
  it('lists an issue on the version it is written in, with modules, workaround and the fixing change', async () => {
    const [issue, ...rest] = await issues('versions/1.0.0/index.html');
    expect(rest).toEqual([]);
    expect(issue!.id).toBe('known-KI-export');
    expect(issue!.severity).toBe('major');
    expect(issue!.text).toContain('Majeur');
    expect(issue!.text).toContain("L'export des écritures omet les à-nouveaux");
    expect(issue!.text).toContain('Comptabilité');
    expect(issue!.text).toContain('Toutes les éditions');
    expect(issue!.text).toContain("Relancer l'export avec l'option « Inclure les à-nouveaux ».");
    expect(issue!.text).toContain('connu depuis le 20 janvier 2026');
    expect(issue!.text).toContain('Corrigé en 1.1.0/DU1 (FAC-3)');
    expect(issue!.links).toEqual(['/versions/1.1.0-DU1/FAC-3/']);
  });

  it('lists it on later versions until the fix, linking to where it appeared', async () => {
    const inherited = await issues('versions/1.1.0/index.html');
    expect(inherited.map((i) => i.id)).toEqual(['known-KI-export']);
    expect(inherited[0]!.links).toEqual(['/versions/1.0.0/', '/versions/1.1.0-DU1/FAC-3/']);
  });

  it('no longer lists it on the fixing version, where a new blocking issue is open', async () => {
    const open = await issues('versions/1.1.0-DU1/index.html');
    expect(open.map((i) => [i.id, i.severity])).toEqual([['known-KI-smtp', 'blocking']]);
    expect(open[0]!.text).toContain('Bloquant');
    expect(open[0]!.text).toContain('Tous les modules');
    expect(open[0]!.text).toContain('Pas encore corrigé');
    const tree = await page(out, 'versions/1.1.0-DU1/index.html');
    expect(text(one(tree, cls('known-issues')))).toContain('1 problème connu affecte cette version.');
  });

  it('says on the fixing change’s page which known issues it fixes', async () => {
    const tree = await page(out, 'versions/1.1.0-DU1/FAC-3/index.html');
    const fixed = one(tree, cls('fixed-issues'));
    expect(text(fixed)).toContain("L'export des écritures omet les à-nouveaux");
    expect(text(fixed)).toContain('KI-export, connu depuis la version 1.0.0');
    expect(all(fixed, tag('a')).map((a) => prop(a, 'href'))).toEqual(['/versions/1.0.0/#known-KI-export']);
    const other = await page(out, 'versions/1.0.0/FAC-1/index.html');
    expect(all(other, cls('fixed-issues'))).toEqual([]);
  });

  it('escapes what the writer typed', async () => {
    const tree = await page(out, 'versions/1.0.0/index.html');
    expect(all(one(tree, cls('known-issues')), tag('script'))).toEqual([]);
  });
});

describe('support dates', () => {
  it('prints the end of support on the version page and in the home page’s table, the status left to the reader’s date', async () => {
    const version = await page(out, 'versions/1.0.0/index.html');
    const support = one(one(version, cls('version-meta')), cls('support'));
    expect(text(one(support, cls('support-until')))).toBe("Supportée jusqu'au 30 juin 2026");
    const element = one(support, tag('rb-support'));
    expect(prop(element, 'dataEnd')).toBe('2026-06-30');
    expect(prop(element, 'hidden')).toBeDefined();

    const home = await page(out, 'index.html');
    const rows = all(
      one(home, cls('version-table')),
      (e) => e.tagName === 'tr' && prop(e, 'dataVersion') !== undefined,
    );
    const supportOf = (v: string) => {
      const row = rows.find((r) => prop(r, 'dataVersion') === v)!;
      return all(row, cls('support-until')).map(text);
    };
    expect(supportOf('1.0.0')).toEqual(["Supportée jusqu'au 30 juin 2026"]);
    expect(supportOf('1.1.0/DU1')).toEqual(["Supportée jusqu'au 31 décembre 2030"]);
    expect(supportOf('1.1.0')).toEqual([]);
  });
});
