/**
 * Fills the slots link-slots.ts left in a body's HTML, writing each URL as the render writes
 * it in an attribute (mdast-util-to-hast normalises it, hast-util-to-html escapes it), by
 * the render's own libraries.
 */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { slotName, type LinkSlots } from './link-slots.ts';

/** `html` with every slot of `slots` replaced by the URL `resolve` gives for its link. */
export function fillSlots(html: string, slots: LinkSlots, resolve: (url: string) => string): string {
  let filled = html;
  slots.urls.forEach((url, index) => {
    filled = filled.replaceAll(slotName(slots.nonce, index), attributeUrl(resolve(url)));
  });
  return filled;
}

const linkToHtml = unified().use(remarkRehype).use(rehypeStringify).freeze();
const OPEN = '<p><a href="';
const CLOSE = '"></a></p>';

/** `url` as the render writes it in an `href`: through mdast-util-to-hast's normalisation and hast-util-to-html's escaping. */
function attributeUrl(url: string): string {
  const tree: Root = {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [] }] }],
  };
  const html = linkToHtml.stringify(linkToHtml.runSync(tree));
  if (!html.startsWith(OPEN) || !html.endsWith(CLOSE)) throw new Error(`roadbook: unexpected link HTML ${html}`);
  return html.slice(OPEN.length, -CLOSE.length);
}
