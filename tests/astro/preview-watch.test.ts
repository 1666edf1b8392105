import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoredInPackage } from '../../src/astro/preview-watch.ts';
import { PACKAGE_ROOT } from '../../src/astro/settings.ts';

describe('what the dev preview watches in the package', () => {
  const inside = join(PACKAGE_ROOT, 'bench/out/rb-10000');
  const ignored = ignoredInPackage(inside);

  it('follows the code, Astro’s work folder and the road book’s content, with the folders on the way', () => {
    for (const path of [
      PACKAGE_ROOT,
      join(PACKAGE_ROOT, 'src/pages/index.astro'),
      join(PACKAGE_ROOT, '.astro/data-store.json'),
      join(PACKAGE_ROOT, 'bench'),
      join(PACKAGE_ROOT, 'bench/out'),
      inside,
      join(inside, 'content/versions/1.0.0/A-1.md'),
    ])
      expect(ignored(path), path).toBe(false);
  });

  it('leaves out the rest of the package: other road books, built sites, tests', () => {
    for (const path of [
      join(PACKAGE_ROOT, 'bench/out/rb-20000/content/versions/1.0.0/A-1.md'),
      join(inside, 'dist/index.html'),
      join(PACKAGE_ROOT, 'tests/fixtures/cli/content/roadbook.yml'),
      join(PACKAGE_ROOT, 'docs'),
    ])
      expect(ignored(path), path).toBe(true);
  });

  it('never leaves out a road book outside the package', () => {
    expect(ignoredInPackage('/srv/book')('/srv/book/content/versions/1.0.0/A-1.md')).toBe(false);
    expect(ignoredInPackage('/srv/book')(join(PACKAGE_ROOT, 'src/middleware.ts'))).toBe(false);
  });
});
