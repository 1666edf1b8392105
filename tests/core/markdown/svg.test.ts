import { describe, expect, it } from 'vitest';
import { checkSvg } from '../../../src/core/markdown/svg.ts';

/** An Illustrator export: external DOCTYPE (never fetched), links, an embedded raster image. */
const ILLUSTRATOR = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
  <style type="text/css"><![CDATA[ .a { fill: url(#g); } ]]></style>
  <defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
  <a xlink:href="https://example.com"><text x="0" y="5">javascript: tutorial &amp; &lt;code&gt; &#233;t&#xE9;</text></a>
  <image href="data:image/png;base64,AAAA" width="1" height="1"/>
  <use xlink:href="#g"/>
  <rect class="a" width="10" height="10"/>
</svg>`;

/** The same export with its namespaces written as entities, as older Illustrator versions do. */
const ILLUSTRATOR_ENTITIES = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY ns_svg "http://www.w3.org/2000/svg">
  <!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
]>
<svg version="1.1" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" width="10" height="10"/>`;

/** An Inkscape export: its own namespaces and metadata. */
const INKSCAPE = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
  xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <sodipodi:namedview inkscape:zoom="1"/>
  <metadata><rdf:RDF/></metadata>
  <g inkscape:label="Calque 1" inkscape:groupmode="layer"><circle r="4"/></g>
</svg>`;

const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';

describe('checkSvg', () => {
  it.each([
    ['a plain drawing', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4" fill="red"/></svg>'],
    ['an Illustrator export with links, references and an embedded image', ILLUSTRATOR],
    ['an Inkscape export with its metadata', INKSCAPE],
    ['a byte order mark', '\ufeff<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('accepts %s', (_name, svg) => {
    expect(checkSvg(svg)).toBeNull();
  });

  it.each([
    ['a script', '<svg><script>alert(1)</script></svg>', 'it holds a <script> element'],
    ['an upper-case script', '<svg><SCRIPT>alert(1)</SCRIPT></svg>', 'it holds a <SCRIPT> element'],
    [
      'a prefixed script',
      '<svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>',
      'it holds a <s:script> element',
    ],
    ['an event handler', '<svg onload="alert(1)"></svg>', 'it holds an event-handler attribute (onload) on <svg>'],
    [
      'an upper-case event handler',
      '<svg><rect ONCLICK="alert(1)"/></svg>',
      'it holds an event-handler attribute (ONCLICK) on <rect>',
    ],
    [
      'a javascript: href',
      '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
      'it holds a javascript: URL (href of <a>)',
    ],
    [
      'a javascript: xlink:href with spaces and mixed case',
      `<svg ${XLINK}><a xlink:href="  JaVaScRiPt:alert(1)"/></svg>`,
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
      'DOCTYPE with an internal subset',
    ],
    [
      'a scheme built from nested entities',
      '<!DOCTYPE svg [ <!ENTITY a "java"> <!ENTITY b "&a;script:"> ]><svg><a href="&b;alert(1)"/></svg>',
      'DOCTYPE with an internal subset',
    ],
    [
      'an entity holding markup',
      '<!DOCTYPE svg [ <!ENTITY s "<script>alert(1)</script>"> ]><svg>&s;</svg>',
      'DOCTYPE with an internal subset',
    ],
    [
      'an entity holding markup spelled with character references',
      '<!DOCTYPE svg [ <!ENTITY s "&#60;script&#62;alert(1)&#60;/script&#62;"> ]><svg>&s;</svg>',
      'DOCTYPE with an internal subset',
    ],
    ['an Illustrator export with entities', ILLUSTRATOR_ENTITIES, 'DOCTYPE with an internal subset'],
    ['an entity no DOCTYPE declares', '<svg><text>&nbsp;</text></svg>', 'not well-formed XML'],
    ['markup that is not XML', '<svg><rect width=1></svg>', 'not well-formed XML'],
    ['an unclosed element', '<svg><g></svg>', 'not well-formed XML'],
    ['a prefix never declared', '<svg><a xlink:href="#a"/></svg>', 'not well-formed XML'],
    [
      'a script in the HTML namespace',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>',
      'it holds a <h:script> element',
    ],
    [
      'a script under a default namespace redeclared',
      '<svg xmlns="http://www.w3.org/2000/svg"><g xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></g></svg>',
      'it holds HTML (<g>)',
    ],
    [
      'HTML in foreignObject',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>',
      'it holds HTML (<div>)',
    ],
    [
      'other markup in foreignObject',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><x:p xmlns:x="urn:x"/></foreignObject></svg>',
      'in <foreignObject>',
    ],
    [
      'a MathML link',
      '<svg xmlns="http://www.w3.org/2000/svg"><math xmlns="http://www.w3.org/1998/Math/MathML" href="https://x"/></svg>',
      'it holds MathML',
    ],
    [
      'an event handler in another namespace',
      '<svg xmlns:e="urn:x"><rect e:onclick="alert(1)"/></svg>',
      'event-handler attribute (e:onclick)',
    ],
    [
      'a scheme spelled with a character reference in a style element',
      '<svg><style>rect { background: url(&#106;avascript:alert(1)) }</style></svg>',
      'character reference (&#…;) in a <style> element',
    ],
    [
      'a javascript: URL in a CDATA style',
      '<svg><style><![CDATA[ rect { background: url("javascript:alert(1)") } ]]></style></svg>',
      'javascript: URL in a <style> element',
    ],
    [
      'a character reference in a style element',
      '<svg><style>a { content: "&#65;" }</style></svg>',
      'character reference',
    ],
    ['a character reference in an href', '<svg><a href="https://x/&#97;"/></svg>', 'character references'],
    [
      'a character reference naming the attribute an animation changes',
      '<svg><set attributeName="&#111;nclick" to="alert(1)"/></svg>',
      'it spells attributeName of <set> with character references',
    ],
    [
      'a data: URL in a link',
      '<svg><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/></svg>',
      'data: URL',
    ],
    ['a data: URL with spaces in its scheme', '<svg><a href=" d a t a :text/html,x"/></svg>', 'data: URL'],
    ['an SVG image as a data: URL', '<svg><image href="data:image/svg+xml;base64,AAAA"/></svg>', 'data: URL'],
    ['a data: URL in <use>', '<svg><use href="data:image/svg+xml,x#a"/></svg>', 'data: URL'],
    ['<use> of another file', '<svg><use href="https://x/sprite.svg#a"/></svg>', 'from outside this file'],
    [
      `<use> of another file through xlink`,
      `<svg ${XLINK}><use xlink:href="other.svg#a"/></svg>`,
      'from outside this file',
    ],
    [
      'an animation that rewrites a link',
      `<svg ${XLINK}><a xlink:href="#"><set attributeName="xlink:href" to="javascript:alert(1)"/></a></svg>`,
      'javascript: URL (to of <set>)',
    ],
    [
      'an animation that rewrites a link, its value built elsewhere',
      '<svg><a href="#"><animate attributeName="href" values="#a;#b"/></a></svg>',
      'animates a link (href) on <animate>',
    ],
    ['another encoding', '<?xml version="1.0" encoding="ISO-8859-1"?><svg/>', 'declares the encoding ISO-8859-1'],
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
    expect(checkSvg(svg)?.reason).toContain(reason);
  });

  it.each([
    [
      'an https link the reader follows',
      `<svg ${XLINK}><a xlink:href="https://example.com"><text>x</text></a><a href="//example.com"/></svg>`,
    ],
    [
      'an image of the site, by a relative URL',
      '<svg><image href="../assets/logo.png"/><image href="logo.png"/></svg>',
    ],
    [
      'CSS pointing at the file itself',
      '<svg><style>.a { fill: url(#g); font-family: "Sans Serif" }</style><rect style="fill:url(\'#g\')"/></svg>',
    ],
    [
      'an embedded raster image in CSS',
      '<svg><rect style="fill: url(data:image/png;base64,AAAA)"/><line marker-end="url(#m)" aria-label="\'https://example.com\'"/></svg>',
    ],
  ])('accepts %s, which loads nothing from another origin', (_name, svg) => {
    expect(checkSvg(svg)).toBeNull();
  });

  it.each([
    [
      'an image from another site',
      '<svg><image href="https://tracker.example/p.png"/></svg>',
      'it would load https://tracker.example/p.png from another origin (href of <image>)',
    ],
    [
      'an image through xlink:href',
      `<svg ${XLINK}><image xlink:href="http://x.example/p.png"/></svg>`,
      '(xlink:href of <image>)',
    ],
    ['a protocol-relative image', '<svg><image href="//x.example/p.png"/></svg>', '//x.example/p.png'],
    [
      'a protocol-relative image written with backslashes',
      '<svg><image href="\\\\x.example/p.png"/></svg>',
      'from another origin',
    ],
    [
      'a scheme spelled with spaces and case',
      '<svg><image href=" HT TPS://x.example/p.png"/></svg>',
      'from another origin',
    ],
    ['a filter image', '<svg><filter><feImage href="https://x.example/f.png"/></filter></svg>', '(href of <feImage>)'],
    [
      'a gradient of another file',
      '<svg><linearGradient href="https://x.example/g.svg#g"/></svg>',
      '(href of <linearGradient>)',
    ],
    [
      'a base on a link, which sends its drawing away',
      '<svg><a href="https://example.com" xml:base="https://x.example/"><image href="p.png"/></a></svg>',
      '(xml:base of <a>)',
    ],
    [
      'a base that sends relative URLs away',
      '<svg><g xml:base="https://x.example/"><image href="p.png"/></g></svg>',
      '(xml:base of <g>)',
    ],
    [
      'url() in a <style>',
      '<svg><style>rect { fill: url(https://x.example/p.png) }</style></svg>',
      'https://x.example/p.png from another origin in a <style> element',
    ],
    [
      'a quoted url() in a <style>',
      '<svg><style><![CDATA[ rect { fill: url( "//x.example/p.png" ) } ]]></style></svg>',
      '//x.example/p.png from another origin',
    ],
    [
      'an escaped url() in a <style>',
      '<svg><style>rect { fill: u\\72 l(https://x.example/p.png) }</style></svg>',
      'from another origin',
    ],
    [
      'a scheme split by a CSS comment-free escape',
      '<svg><style>rect { fill: url(ht\\tps://x.example/p.png) }</style></svg>',
      'from another origin',
    ],
    [
      'image-set() in a <style>',
      '<svg><style>rect { fill: image-set("https://x.example/p.png" 1x) }</style></svg>',
      'from another origin',
    ],
    ['@import in a <style>', '<svg><style>@import "theme.css";</style></svg>', '@import'],
    ['@import spelled with an escape', '<svg><style>@\\69mport url(theme.css);</style></svg>', '@import'],
    [
      'url() in a presentation attribute',
      '<svg><line marker-end="url(https://x.example/m.svg#m)"/></svg>',
      'from another origin (marker-end of <line>)',
    ],
    [
      'a cursor of another site',
      '<svg><rect cursor="URL( //x.example/c.png ), auto"/></svg>',
      'from another origin (cursor of <rect>)',
    ],
    [
      'url() in a style attribute',
      '<svg><rect style="fill: url(https://x.example/p.png)"/></svg>',
      'from another origin (style of <rect>)',
    ],
  ])('refuses %s, which would load from another origin', (_name, svg, reason) => {
    const problem = checkSvg(svg);
    expect(problem).toMatchObject({ code: 'asset-unsafe-svg' });
    expect(problem?.reason).toContain(reason);
  });

  it.each([
    ['an attribute', '<svg>\n  <image width="1"\n    href="https://x.example/p.png"/>\n</svg>', 3, 5],
    ['a style element', '<svg>\n <style>a { b: url(//x.example/p.png) }</style>\n</svg>', 2, 2],
  ])('points at %s that would load from another origin', (_name, svg, line, column) => {
    expect(checkSvg(svg)).toMatchObject({ line, column });
  });

  it('tells a file that could run a script from one a browser cannot read', () => {
    expect(checkSvg('<svg><script>alert(1)</script></svg>')?.code).toBe('asset-unsafe-svg');
    expect(checkSvg('<!DOCTYPE svg [ <!ENTITY a "b"> ]><svg/>')?.code).toBe('asset-unsafe-svg');
    expect(checkSvg('<svg><g></svg>')?.code).toBe('asset-invalid-svg');
    expect(checkSvg('<svg>&nbsp;</svg>')?.reason).toContain('the entity &nbsp; is not one of');
  });

  it('refuses a billion laughs at its DOCTYPE, before any entity expands', () => {
    const laughs = `<!DOCTYPE svg [ <!ENTITY a "aaaaaaaaaa"> ${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join(' ')} ]><svg><a href="&j;"/></svg>`;
    expect(checkSvg(laughs)).toMatchObject({ reason: expect.stringContaining('internal subset'), line: 1, column: 1 });
  });

  it.each([
    ['an element', '<svg>\n  <g>\n    <script>alert(1)</script>\n  </g>\n</svg>', 3, 5],
    ['an attribute', '<svg>\n  <rect width="1"\n        onclick="alert(1)"/>\n</svg>', 3, 9],
    ['a DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE svg [ <!ENTITY a "b"> ]>\n<svg/>', 2, 1],
    ['an instruction', '<?xml version="1.0"?>\n  <?xml-stylesheet href="x.xsl"?>\n<svg/>', 2, 3],
    ['a style element', '<svg>\n <style>a { b: url(javascript:x) }</style>\n</svg>', 2, 2],
    ['a well-formedness error', '<svg>\n  <g>\n</svg>', 3, 7],
  ])('points at the line and column of %s', (_name, svg, line, column) => {
    expect(checkSvg(svg)).toMatchObject({ line, column });
  });
});
