import { describe, expect, it } from 'vitest';
import { blocksToHtml } from '../../../src/core/markdown/fragment.ts';
import { markdownParser } from '../../../src/core/markdown/parse.ts';
import { renderBody } from '../../../src/core/markdown/render.ts';

/** Code blocks and tables scroll in named, focusable regions; the writer cannot make one. */
describe('scrolling regions', () => {
  it('wraps every code block and table of a page, named in the site’s language', async () => {
    const md = '```\nune ligne\n```\n\n| a |\n| - |\n| 1 |\n\n> ```sql\n> SELECT 1\n> ```\n';
    const html = await renderBody(md, { verifyHeadings: [], locale: 'en' });
    const regions = [
      ...html.matchAll(/<div class="scroll-region" role="region" tabindex="0" aria-label="([^"]+)"><(\w+)/g),
    ];
    expect(regions.map(([, name, inner]) => [name, inner])).toEqual([
      ['Code block', 'pre'],
      ['Table', 'table'],
      ['Code block', 'pre'],
    ]);
    expect(html.match(/tabindex/g)).toHaveLength(3);
  });

  it('wraps those of an item’s steps too, and takes nothing from the writer’s raw HTML', () => {
    const tree = markdownParser().parse(
      '| a |\n| - |\n| 1 |\n\n<details open tabindex="0" role="region" aria-label="x"><summary>s</summary></details>\n',
    );
    const html = blocksToHtml(tree.children);
    expect(html).toContain('<div class="scroll-region" role="region" tabindex="0" aria-label="Tableau"><table>');
    expect(html).toContain('<details open><summary>s</summary></details>');
    expect(html.match(/role=/g)).toHaveLength(1);
  });
});
