/** URLs and CSS in an SVG, read as a browser reads them. */
import { describe, expect, it } from 'vitest';
import {
  crossOriginLoadInCss,
  decodeCssEscapes,
  hasScriptUrl,
  isOtherOrigin,
} from '../../../src/core/markdown/svg-urls.ts';

describe('hasScriptUrl', () => {
  it.each(['javascript:alert(1)', ' JavaScript:x', 'java\tscript:x', 'jav&#x61;script:x', 'vbscript:x'])(
    'finds %j',
    (value) => expect(hasScriptUrl(value)).toBe(true),
  );

  it.each(['#g', 'https://example.com/javascript', 'a javascript tutorial'])('lets %j be', (value) =>
    expect(hasScriptUrl(value)).toBe(false),
  );
});

describe('isOtherOrigin', () => {
  it.each(['https://example.com/a.png', '//example.com/a.png', '\\\\example.com/a.png', ' FTP://host/x'])(
    'is true of %j',
    (url) => expect(isOtherOrigin(url)).toBe(true),
  );

  it.each(['#g', 'assets/a.png', '../a.png', 'data:image/png;base64,AAAA', ''])('is false of %j', (url) =>
    expect(isOtherOrigin(url)).toBe(false),
  );
});

describe('crossOriginLoadInCss', () => {
  it('names the URL a rule would load from another origin, however it is escaped', () => {
    expect(crossOriginLoadInCss('.a { fill: u\\72l( "https://x.test/p.svg#g" ) }')).toBe(
      'it would load https://x.test/p.svg#g from another origin',
    );
    expect(crossOriginLoadInCss('.a { background: image-set("//x.test/a.png" 1x) }')).toBe(
      'it would load //x.test/a.png from another origin',
    );
  });

  it('refuses any @import, and reads no URL in a comment', () => {
    expect(crossOriginLoadInCss('@import "local.css";')).toMatch(/^it imports another stylesheet/);
    expect(crossOriginLoadInCss('/* url(https://x.test/) */ .a { fill: url(#g) }')).toBeNull();
  });
});

describe('decodeCssEscapes', () => {
  it('replaces hexadecimal and character escapes, drops escaped line breaks, refuses surrogates', () => {
    expect(decodeCssEscapes('\\75 rl\\(\\\n\\d800')).toBe('url(\ufffd');
  });
});
