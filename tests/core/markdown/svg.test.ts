import { describe, expect, it } from 'vitest';
import { checkSvg } from '../../../src/core/markdown/svg.ts';

const ILLUSTRATOR = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY ns_svg "http://www.w3.org/2000/svg">
  <!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
]>
<svg version="1.1" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" width="10" height="10">
  <style>.a { fill: url(#g); }</style>
  <defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
  <a xlink:href="https://example.com"><text x="0" y="5">javascript: tutorial</text></a>
  <image href="data:image/png;base64,AAAA" width="1" height="1"/>
  <rect class="a" width="10" height="10"/>
</svg>`;

describe('checkSvg', () => {
  it.each([
    ['a plain drawing', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4" fill="red"/></svg>'],
    ['an Illustrator export with entities, links and embedded images', ILLUSTRATOR],
  ])('accepts %s', (_name, svg) => {
    expect(checkSvg(svg)).toBeNull();
  });

  it.each([
    ['a script', '<svg><script>alert(1)</script></svg>', 'it holds a <script> element'],
    ['an upper-case script', '<svg><SCRIPT>alert(1)</SCRIPT></svg>', 'it holds a <script> element'],
    [
      'a prefixed script',
      '<svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>',
      'it holds a <s:script> element',
    ],
    ['an event handler', '<svg onload="alert(1)"></svg>', 'it holds an event-handler attribute (onload) on <svg>'],
    [
      'an upper-case event handler',
      '<svg><rect ONCLICK="alert(1)"/></svg>',
      'it holds an event-handler attribute (onclick) on <rect>',
    ],
    [
      'a javascript: href',
      '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
      'it holds a javascript: URL (href of <a>)',
    ],
    [
      'a javascript: xlink:href with spaces and mixed case',
      '<svg><a xlink:href="  JaVaScRiPt:alert(1)"/></svg>',
      'it holds a javascript: URL (xlink:href of <a>)',
    ],
    ['a tab inside the scheme', '<svg><a href="java&#x09;script:alert(1)"/></svg>', 'javascript: URL'],
    ['a newline inside the scheme', '<svg><a href="jav&#x0A;ascript:alert(1)"/></svg>', 'javascript: URL'],
    ['an entity-encoded scheme', '<svg><a href="&#106;&#97;vascript:alert(1)"/></svg>', 'javascript: URL'],
    ['a doubly encoded scheme', '<svg><a href="&amp;#106;avascript:alert(1)"/></svg>', 'javascript: URL'],
    ['a vbscript: URL', '<svg><a href="vbscript:msgbox(1)"/></svg>', 'javascript: URL'],
    [
      'a scheme hidden in an XML entity',
      '<!DOCTYPE svg [ <!ENTITY js "javascript:"> ]><svg><a href="&js;alert(1)"/></svg>',
      'javascript: URL',
    ],
    [
      'a scheme built from nested entities',
      '<!DOCTYPE svg [ <!ENTITY a "java"> <!ENTITY b "&a;script:"> ]><svg><a href="&b;alert(1)"/></svg>',
      'javascript: URL',
    ],
    [
      'an entity holding markup',
      '<!DOCTYPE svg [ <!ENTITY s "<script>alert(1)</script>"> ]><svg>&s;</svg>',
      'holds markup',
    ],
    [
      'an animated handler',
      '<svg><set attributeName="onclick" to="alert(1)"/></svg>',
      'animates an event-handler attribute',
    ],
    [
      'an animated javascript: value',
      '<svg><animate attributeName="href" values="https://x;javascript:alert(1)"/></svg>',
      'javascript: URL (values of <animate>)',
    ],
    [
      'an iframe in foreignObject',
      '<svg><foreignObject><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe></foreignObject></svg>',
      'embeds a document',
    ],
    [
      'a javascript: URL in a style element',
      '<svg><style>rect { background: url("javascript:alert(1)") }</style></svg>',
      'in a <style> element',
    ],
    [
      'a javascript: URL in a style attribute',
      '<svg><rect style="fill: url(javascript:alert(1))"/></svg>',
      'javascript: URL (style of <rect>)',
    ],
    ['an xml-stylesheet instruction', '<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg/>', 'xml-stylesheet'],
  ])('refuses %s', (_name, svg, reason) => {
    expect(checkSvg(svg)).toContain(reason);
  });

  it('bounds entity expansion', () => {
    const laughs = `<!DOCTYPE svg [ <!ENTITY a "aaaaaaaaaa"> ${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join(' ')} ]><svg><a href="&j;"/></svg>`;
    const start = performance.now();
    expect(checkSvg(laughs)).toBeNull();
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
