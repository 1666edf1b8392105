/**
 * Code blocks and tables may be wider than a phone's screen, and then scroll sideways. A
 * region that scrolls must take keyboard focus (WCAG 2.1.1), and a focusable region needs a
 * name: each `pre` and `table` of a body is wrapped in a named `role="region"` that does the
 * scrolling (the `.scroll-region` style). Runs after the sanitizer, which never sees these
 * attributes: they come from here, never from the writer. Browser-safe.
 */
import type { Element, ElementContent, Root } from 'hast';
import { DEFAULT_LOCALE, translate, type MessageKey } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';

/** The elements that scroll, and the name each region gets. */
const SCROLLING: Readonly<Record<string, MessageKey>> = {
  pre: 'markdown.scrollRegion.code',
  table: 'markdown.scrollRegion.table',
};

export const SCROLL_REGION_CLASS = 'scroll-region';

function region(child: Element, locale: Locale): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: {
      className: [SCROLL_REGION_CLASS],
      role: 'region',
      tabIndex: 0,
      ariaLabel: translate(locale, SCROLLING[child.tagName]!),
    },
    children: [child],
  };
}

/** Wraps every `pre` and `table` of the tree in a focusable, named scrolling region. */
export function wrapScrollRegions(tree: Root, locale: Locale = DEFAULT_LOCALE): void {
  const visit = (parent: Root | Element) => {
    parent.children = parent.children.map((child) => {
      if (child.type !== 'element') return child;
      if (child.tagName in SCROLLING) return region(child, locale);
      visit(child);
      return child;
    }) as ElementContent[];
  };
  visit(tree);
}
