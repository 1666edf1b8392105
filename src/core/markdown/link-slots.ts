/**
 * Links to other pages in HTML made before every page of the road book is known. An entry is
 * read, and its body rendered, on its own (on a worker thread, or taken from the cache): a
 * link to another Markdown file (`../15.2.0/GES-4410.md#x`) then gets a slot, a placeholder
 * URL, and the slots are filled once the pages are known. Filling a slot writes the URL as the
 * render would have written it (normalised, then escaped as an attribute value, by the same
 * libraries: fill-slots.ts), so a filled body is byte for byte the body rendered with every
 * page known. Browser-safe.
 */

/** The links a body's HTML holds slots for, in slot order, as written. */
export interface LinkSlots {
  /**
   * Made from the body (a digest of it), so no text of the body can look like a slot; taken
   * with the first slot (most bodies link to no other page), `''` while there is none.
   */
  nonce: string;
  urls: string[];
}

/** What a body's relative URLs go through while its HTML is made, and the slots it made. */
export interface SlotResolver {
  resolveUrl: (url: string) => string;
  slots: LinkSlots;
}

/**
 * A resolver that gives each URL `isPageLink` accepts a slot (one per distinct URL) and
 * passes the others to `resolve`. Slots are letters, digits and dashes: the normalisation,
 * the sanitizer and the escaping of the render leave them as they are.
 */
export function slotResolver(
  markdown: string,
  isPageLink: (url: string) => boolean,
  resolve: (url: string) => string,
): SlotResolver {
  const slots: LinkSlots = { nonce: '', urls: [] };
  return {
    slots,
    resolveUrl: (url) => {
      if (!isPageLink(url)) return resolve(url);
      slots.nonce ||= digest(markdown);
      let index = slots.urls.indexOf(url);
      if (index === -1) index = slots.urls.push(url) - 1;
      return slotName(slots.nonce, index);
    },
  };
}

/**
 * 64 bits of FNV-1a over the text, as hex: a body would have to hold its own digest to look
 * like one of its slots. (No cryptographic strength needed: the text is the writer's own.)
 */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function slotName(nonce: string, index: number): string {
  return `roadbook-slot-${nonce}-${index}`;
}
