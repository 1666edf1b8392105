import { describe, expect, it } from 'vitest';
import { analyzeBody } from '../../../src/core/markdown/analyze.ts';
import { renderBody, renderIntro } from '../../../src/core/markdown/render.ts';

const HEADINGS = ['Vérifications', 'Checks'];
const render = (markdown: string, resolveUrl?: (url: string) => string) =>
  renderBody(markdown, { verifyHeadings: HEADINGS, resolveUrl });

describe('verification sections', () => {
  it('are removed from the page, heading included, up to the next heading of the same level', async () => {
    const md =
      '# Titre\n\nAvant.\n\n## Vérifications :\n\nIntro.\n\n- [ ] a → b\n\n### Détail\n\n- c\n\n## Après\n\nFin.\n';
    expect(await render(md)).toBe('<h1>Titre</h1>\n<p>Avant.</p>\n<h2>Après</h2>\n<p>Fin.</p>');
  });

  it('are all removed when there are several', async () => {
    const md = '## Checks\n\n- a\n\n## Milieu\n\nTexte.\n\n## Vérifications\n\n- b\n';
    expect(await render(md)).toBe('<h2>Milieu</h2>\n<p>Texte.</p>');
  });

  it('keep the definitions they hold, for links elsewhere', async () => {
    const md = 'Voir [la doc][d].\n\n## Checks\n\n- a\n\n[d]: https://example.com/doc\n';
    expect(await render(md)).toBe(
      '<p>Voir <a href="https://example.com/doc" rel="noopener noreferrer">la doc</a>.</p>',
    );
  });

  it('stay when the heading is not a verification heading', async () => {
    expect(await render('## Notes\n\n- a\n')).toBe('<h2>Notes</h2>\n<ul>\n<li>a</li>\n</ul>');
  });

  it('are kept in a version introduction (no verification headings)', async () => {
    expect(await renderIntro('## Vérifications\n\nTexte.\n')).toBe('<h2>Vérifications</h2>\n<p>Texte.</p>');
  });
});

describe('raw HTML', () => {
  it('keeps the safe set', async () => {
    const md =
      '<details open>\n<summary>Plus</summary>\n\nDétail **gras**.\n\n</details>\n\n<kbd>Ctrl</kbd>+<kbd>S</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>ici</mark>,<br> <abbr title="Taxe sur la valeur ajoutée">TVA</abbr>\n';
    expect(await render(md)).toBe(
      '<details open>\n<summary>Plus</summary>\n<p>Détail <strong>gras</strong>.</p>\n</details>\n<p><kbd>Ctrl</kbd>+<kbd>S</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>ici</mark>,<br> <abbr title="Taxe sur la valeur ajoutée">TVA</abbr></p>',
    );
  });

  it('removes every other element, keeping its text, and unsafe attributes of safe ones', async () => {
    const md =
      'A <span style="color:red" onclick="alert(1)">texte</span> <kbd class="k" onclick="alert(1)">K</kbd> <img src=x onerror=alert(1)>\n\n<div align="center">\n<b>gras</b>\n</div>\n';
    const html = await render(md);
    expect(html).toBe('<p>A texte <kbd>K</kbd> </p>\n\ngras\n');
    expect(html).not.toMatch(/onclick|onerror|style|class|<span|<img|<div|<b>/);
  });

  it('removes scripts with their content, inline and as blocks', async () => {
    const md =
      'Avant <script>alert("inline")</script> après\n\n<script>\nalert("block")\n</script>\n\n<style>p { color: red }</style>\n\nFin\n';
    const html = await render(md);
    expect(html).toBe('<p>Avant  après</p>\n\n\n<p>Fin</p>');
    expect(html).not.toMatch(/alert|script|color/);
  });

  it('removes iframes, objects and forms', async () => {
    const html = await render(
      '<iframe src="https://evil.example"></iframe>\n\n<object data="x.swf"></object>\n\n<form action="x"><input name="q"></form>\n',
    );
    expect(html).not.toMatch(/<iframe|<object|<form|<input|evil/);
  });

  it('escapes what only looks like a tag', async () => {
    expect(await render('a <b c\n')).toBe('<p>a &#x3C;b c</p>');
  });

  it('removes exactly what the analysis warns about', async () => {
    const md = 'x <u>a</u> <kbd onclick="y">b</kbd>\n\n<table><tr><td>c</td></tr></table>\n';
    const warned = analyzeBody(md, { file: 'f.md', startLine: 1, verifyHeadings: [] }).diagnostics.map((d) =>
      d.message
        .match(/<(\w+)>|"(\w+)"/)!
        .slice(1)
        .find(Boolean),
    );
    expect(warned).toEqual(['u', 'onclick', 'table', 'tr', 'td']);
    const html = await render(md);
    for (const name of ['<u', 'onclick', '<table', '<tr', '<td']) expect(html).not.toContain(name);
  });
});

describe('links and images', () => {
  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](<java\tscript:alert(1)>)',
    '[x](&#106;avascript:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x][r]\n\n[r]: javascript:alert(1)',
    '![x](javascript:alert(1))',
    '[x](vbscript:msgbox)',
    '[x](data:text/html,hi)',
  ])('removes the unsafe URL of %j', async (markdown) => {
    const html = await render(markdown);
    expect(html).not.toMatch(/javascript|vbscript|data:|href|src/i);
  });

  it('turns an unsafe autolink into its text', async () => {
    expect(await render('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>');
  });

  it('keeps the text of a removed link and drops a removed image', async () => {
    expect(
      await render('[le texte](javascript:alert(1)) ![alt](data:image/png;base64,AA) [réf][r]\n\n[r]: javascript:x\n'),
    ).toBe('<p>le texte  réf</p>');
  });

  it('keeps safe links; external ones get rel="noopener noreferrer"', async () => {
    const html = await render(
      '[a](https://example.com) [b](HTTP://example.com) [c](mailto:a@example.com) [d](#ancre) www.example.com\n',
    );
    expect(html).toBe(
      '<p><a href="https://example.com" rel="noopener noreferrer">a</a> <a href="http://example.com" rel="noopener noreferrer">b</a> <a href="mailto:a@example.com">c</a> <a href="#ancre">d</a> <a href="http://www.example.com" rel="noopener noreferrer">www.example.com</a></p>',
    );
  });

  it('resolves relative URLs after the safety check, and loads images lazily', async () => {
    const resolve = (url: string) => `/site/versions/15.3.0/${url}`;
    const html = await render(
      '![Écran](assets/ecran.png "Titre") [avant](../15.2.0/GES-1.md) [loin](https://x.example) [ici](#a)\n',
      resolve,
    );
    expect(html).toBe(
      '<p><img src="/site/versions/15.3.0/assets/ecran.png" alt="Écran" title="Titre" loading="lazy"> <a href="/site/versions/15.3.0/../15.2.0/GES-1.md">avant</a> <a href="https://x.example" rel="noopener noreferrer">loin</a> <a href="#a">ici</a></p>',
    );
  });

  it('resolves reference definitions too', async () => {
    expect(await render('![x][i]\n\n[i]: assets/i.svg\n', (u) => `/s/${u}`)).toBe(
      '<p><img src="/s/assets/i.svg" alt="x" loading="lazy"></p>',
    );
  });
});

describe('GFM', () => {
  it('keeps tables with their alignment', async () => {
    expect(await render('| a | b |\n|:--|--:|\n| 1 | 2 |\n')).toBe(
      '<div class="scroll-region" role="region" tabindex="0" aria-label="Tableau"><table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody>\n</table></div>',
    );
  });

  it('keeps task lists with disabled checkboxes', async () => {
    expect(await render('- [ ] a\n- [x] b\n')).toBe(
      '<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" disabled> a</li>\n<li class="task-list-item"><input type="checkbox" checked disabled> b</li>\n</ul>',
    );
  });

  it('keeps strikethrough and footnotes', async () => {
    const html = await render('~~non~~ oui[^1]\n\n[^1]: Note.\n');
    expect(html).toContain('<del>non</del>');
    expect(html).toContain(
      '<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a>',
    );
    expect(html).toContain('<li id="user-content-fn-1">');
  });
});

describe('code blocks', () => {
  it('highlights SQL with classes for the colours, and no style attribute', async () => {
    const html = await render('```sql\nSELECT 1 FROM t;\n```\n');
    expect(html).toMatch(
      /^<div class="scroll-region" role="region" tabindex="0" aria-label="Bloc de code"><pre class="shiki shiki-themes github-light-default github-dark-default sk-light-1f2328 sk-dark-e6edf3 sk-light-bg-ffffff sk-dark-bg-0d1117">/,
    );
    expect(html).toContain('<code class="language-sql">');
    expect(html).toMatch(/<span class="sk-light-[0-9a-f]{6} sk-dark-[0-9a-f]{6}">SELECT<\/span>/);
    expect(html).not.toContain('style=');
    expect(html).not.toContain('tabindex="0"><code');
  });

  it.each([
    'bash',
    'sh',
    'shell',
    'powershell',
    'ps1',
    'json',
    'xml',
    'html',
    'ini',
    'yaml',
    'csv',
    'diff',
    'javascript',
    'typescript',
  ])('highlights %s', async (lang) => {
    expect(await render(`\`\`\`${lang}\nx = 1\n\`\`\`\n`)).toContain('class="shiki');
  });

  it('renders an unknown language as plain escaped code', async () => {
    expect(await render('```cobol\nIF A < B\n```\n')).toBe(
      '<div class="scroll-region" role="region" tabindex="0" aria-label="Bloc de code"><pre><code class="language-cobol">IF A &#x3C; B\n</code></pre></div>',
    );
  });

  it('renders a block without language as plain escaped code', async () => {
    expect(await render('```\n<script>alert(1)</script>\n```\n')).toBe(
      '<div class="scroll-region" role="region" tabindex="0" aria-label="Bloc de code"><pre><code>&#x3C;script>alert(1)&#x3C;/script>\n</code></pre></div>',
    );
  });

  it('escapes code inside highlighted blocks', async () => {
    const html = await render('```html\n<script>alert(1)</script>\n```\n');
    expect(html).not.toContain('<script');
    expect(html).toContain('&#x3C;');
  });
});
