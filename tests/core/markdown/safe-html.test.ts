import { describe, expect, it } from 'vitest';
import { tokenizeHtml } from '../../../src/core/markdown/html-tokens.ts';
import {
  isRelativePath,
  isSafeUrl,
  RawHtmlFilter,
  SAFE_RAW_ELEMENTS,
  urlScheme,
} from '../../../src/core/markdown/safe-html.ts';

describe('isSafeUrl', () => {
  it.each([
    'https://example.com/a?b=c#d',
    'http://example.com',
    'HTTPS://EXAMPLE.COM',
    'mailto:support@example.com',
    'MailTo:x@y.z',
    'assets/x.svg',
    './assets/x.svg',
    '../15.2.0/GES-4410.md',
    'GES-4410.md',
    '/absolute/path',
    '//cdn.example.com/x.png',
    '#section',
    '?q=1',
    'a/b:c',
    'page?x=a:b',
    'page#a:b',
    '',
  ])('%j is safe', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'javascript\u00a0:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,AAAA',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    'tel:+33123456789',
    'xmpp:user@example.com',
    'C:\\Windows',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'java&Tab;script:alert(1)',
  ])('%j is not safe', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it('reads schemes as the sanitizer does', () => {
    expect(urlScheme('HTTPS://x')).toBe('https');
    expect(urlScheme('assets/a:b.png')).toBeNull();
    expect(urlScheme('a:b/c')).toBe('a');
  });

  it.each([
    ['assets/x.svg', true],
    ['./a.md', true],
    ['../15.2.0/x.md', true],
    ['/x', false],
    ['#x', false],
    ['?x', false],
    ['https://x', false],
    ['', false],
  ])('isRelativePath(%j) is %s', (url, relative) => {
    expect(isRelativePath(url)).toBe(relative);
  });
});

describe('RawHtmlFilter', () => {
  const clean = (...fragments: string[]) => {
    const filter = new RawHtmlFilter();
    return fragments.map((f) => filter.clean(f));
  };

  it.each(SAFE_RAW_ELEMENTS)('keeps <%s>', (name) => {
    const [result] = clean(`<${name}>x</${name}>`);
    expect(result!.html).toBe(`<${name}>x</${name}>`);
    expect(result!.removed).toEqual([]);
  });

  it('keeps title on abbr and open on details, and nothing else', () => {
    const [result] = clean(
      '<abbr title="Taxe &amp; valeur" class="x" onclick="alert(1)">TVA</abbr><details open style="color:red"><summary id=s>Plus</summary></details>',
    );
    expect(result!.html).toBe(
      '<abbr title="Taxe &amp; valeur">TVA</abbr><details open><summary>Plus</summary></details>',
    );
    expect(result!.removed.map((r) => [r.kind, r.name, r.element])).toEqual([
      ['attribute', 'class', 'abbr'],
      ['attribute', 'onclick', 'abbr'],
      ['attribute', 'style', 'details'],
      ['attribute', 'id', 'summary'],
    ]);
  });

  it('removes other elements, keeping their text', () => {
    const [result] = clean('<span style="x">texte</span> <div><b>gras</b></div>');
    expect(result!.html).toBe('texte gras');
    expect(result!.removed.map((r) => r.name)).toEqual(['span', 'div', 'b']);
  });

  it('removes script content, also when it runs across fragments', () => {
    const [a, b, c, d] = clean('<script>', 'alert(1)', '</script>', 'après');
    expect(a!.removed).toMatchObject([{ kind: 'element', name: 'script', offset: 0 }]);
    expect([a!.html, b!.html, c!.html, d!.html]).toEqual(['', '', '', 'après']);
  });

  it('does not report tags inside removed content', () => {
    const [result] = clean('<script>document.write("<iframe>")</script><kbd>K</kbd>');
    expect(result!.html).toBe('<kbd>K</kbd>');
    expect(result!.removed.map((r) => r.name)).toEqual(['script']);
  });

  it('stops dropping at reset()', () => {
    const filter = new RawHtmlFilter();
    filter.clean('<iframe src="x">');
    filter.reset();
    expect(filter.clean('<kbd>a</kbd>').html).toBe('<kbd>a</kbd>');
  });

  it('escapes text and removes comments silently, other markup with a report', () => {
    const [result] = clean('a < b <!-- note --> <!DOCTYPE html><?php x ?><![CDATA[y]]>');
    expect(result!.html).toBe('a &lt; b  ');
    expect(result!.removed.map((r) => [r.kind, r.name])).toEqual([
      ['markup', '<!DOCTYPE'],
      ['markup', '<?…?>'],
      ['markup', '<![CDATA['],
    ]);
  });

  it('gives the offset of each removal', () => {
    const [result] = clean('ab\n<img src=x onerror=alert(1)>');
    expect(result!.removed).toEqual([{ offset: 3, kind: 'element', name: 'img' }]);
  });

  it('treats what is not a tag as text', () => {
    expect(clean('<a/href=javascript:x>')[0]!.html).toBe('&lt;a/href=javascript:x&gt;');
    expect(clean('1 <2')[0]!.html).toBe('1 &lt;2');
  });
});

describe('tokenizeHtml', () => {
  it('reads attributes in every quoting style', () => {
    expect(tokenizeHtml(`<abbr title='a "b"' data-x=1 hidden>`)).toEqual([
      {
        type: 'start',
        name: 'abbr',
        attributes: [
          { name: 'title', value: 'a "b"' },
          { name: 'data-x', value: '1' },
          { name: 'hidden', value: null },
        ],
        selfClosing: false,
        offset: 0,
      },
    ]);
  });

  it('stays linear on hostile input', () => {
    const start = performance.now();
    tokenizeHtml(`<a${' b'.repeat(20000)}`);
    tokenizeHtml(`<a b="${'x'.repeat(20000)}`);
    tokenizeHtml('<'.repeat(20000));
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
