import { describe, expect, it } from 'vitest';
import { linkTarget, resolveRelativeUrl, type PageFile } from '../../src/core/links.ts';

const pages = new Map<string, PageFile>([
  ['15.2.0/GES-4410-remise.md', { versionSlug: '15.2.0', entryId: 'GES-4410', draft: false }],
  ['15.2.0/index.md', { versionSlug: '15.2.0', entryId: null, draft: false }],
  ['15.30.02-DU1/GES-4521.md', { versionSlug: '15.30.02-DU1', entryId: 'GES-4521', draft: false }],
]);
const context = { base: '/docs/', versionSlug: '15.30.02-DU1', pages };

describe('relative links of a version folder', () => {
  it.each([
    ['../15.2.0/GES-4410-remise.md', '/docs/versions/15.2.0/GES-4410/'],
    ['../15.2.0/GES-4410-remise.md#calcul', '/docs/versions/15.2.0/GES-4410/#calcul'],
    ['../15.2.0/index.md', '/docs/versions/15.2.0/'],
    ['./GES-4521.md', '/docs/versions/15.30.02-DU1/GES-4521/'],
    ['GES-4521.md?x=1', '/docs/versions/15.30.02-DU1/GES-4521/?x=1'],
    ['assets/mon%20image.png', '/docs/versions/15.30.02-DU1/assets/mon%20image.png'],
    ['../15.2.0/assets/a b.svg', '/docs/versions/15.2.0/assets/a%20b.svg'],
    // Kept as written: no page, outside content/versions/, absolute, another scheme, a fragment.
    ['../15.2.0/GES-9.md', '../15.2.0/GES-9.md'],
    ['../../../README.md', '../../../README.md'],
    ['/versions/15.2.0/', '/versions/15.2.0/'],
    ['https://example.com/x.md', 'https://example.com/x.md'],
    ['#section', '#section'],
  ])('%s → %s', (url, expected) => {
    expect(resolveRelativeUrl(url, context)).toBe(expected);
  });

  it('reads a link to a Markdown file as that file under content/versions/', () => {
    expect(linkTarget('../15.2.0/sub/../GES-1.md#x', '15.3.0')).toEqual({
      kind: 'markdown',
      file: '15.2.0/GES-1.md',
      rest: '#x',
    });
    expect(linkTarget('notes.txt', '15.3.0')).toBeNull();
  });
});
