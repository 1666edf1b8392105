/**
 * The safety steps every piece of body Markdown goes through on its way to HTML, as unified
 * plugins: the page render (render.ts) and the item and introduction HTML of the analysis
 * (fragment.ts) use this same list, and every decision inside comes from safe-html.ts.
 *
 *   mdast: unsafe link, image and definition URLs removed, relative ones resolved
 *   → hast (raw HTML kept as `raw` nodes) → raw HTML filtered to the safe set
 *   → raw HTML parsed (only when there is some) → sanitized (second net) → images lazy,
 *   external links `rel="noopener noreferrer"` → code blocks and tables in focusable regions.
 *
 * Browser-safe.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes, Parent, Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import type { PluggableList, Transformer } from 'unified';
import {
  isRelativePath,
  isSafeUrl,
  lowercaseScheme,
  RawHtmlFilter,
  SAFE_RAW_ATTRIBUTES,
  SAFE_RAW_ELEMENTS,
  SAFE_URL_PROTOCOLS,
} from './safe-html.ts';
import { wrapScrollRegions } from './scroll-regions.ts';
import type { Locale } from '../model.ts';

/** Per-call settings, passed to the plugins through `file.data.roadbook`. */
export interface MarkdownFileData {
  verifyHeadings?: readonly string[];
  /** Rewrites relative link and image URLs (as written) to site addresses, after the safety check. */
  resolveUrl?: (url: string) => string;
  /** The site's language, for the names of the scrolling regions (French when not given). */
  locale?: Locale;
}

export function fileSettings(file: { data: Record<string, unknown> }): MarkdownFileData {
  return (file.data['roadbook'] as MarkdownFileData | undefined) ?? {};
}

/**
 * Removes what may not be linked: a link with an unsafe URL becomes its text, an image with
 * one disappears, and so does a definition with one together with the references that use
 * it (their text stays). Safe relative URLs go through `resolveUrl`.
 */
export function removeUnsafeUrls(tree: MdastRoot, resolveUrl?: (url: string) => string): void {
  const unsafeDefinitions = new Set<string>();
  const fix = (url: string) => {
    const safe = lowercaseScheme(url);
    return resolveUrl && isRelativePath(safe) ? resolveUrl(safe) : safe;
  };
  // Definitions first: a reference may come before the definition it uses.
  const definitions = (parent: Parent) => {
    parent.children = parent.children.filter((node) => {
      if (node.type === 'definition') {
        if (isSafeUrl(node.url)) {
          node.url = fix(node.url);
          return true;
        }
        unsafeDefinitions.add(node.identifier);
        return false;
      }
      if ('children' in node) definitions(node);
      return true;
    });
  };
  const links = (parent: Parent) => {
    const kept: Nodes[] = [];
    for (const node of parent.children as Nodes[]) {
      if ('children' in node) links(node);
      if (node.type === 'link' || node.type === 'image') {
        if (isSafeUrl(node.url)) {
          node.url = fix(node.url);
        } else {
          if (node.type === 'link') kept.push(...node.children);
          continue;
        }
      } else if (node.type === 'linkReference' || node.type === 'imageReference') {
        if (unsafeDefinitions.has(node.identifier)) {
          if (node.type === 'linkReference') kept.push(...node.children);
          continue;
        }
      }
      kept.push(node);
    }
    parent.children = kept as Parent['children'];
  };
  definitions(tree);
  links(tree);
}

export function remarkSafeUrls(): Transformer<MdastRoot> {
  return (tree, file) => removeUnsafeUrls(tree, fileSettings(file).resolveUrl);
}

/** Elements Markdown makes for blocks: a raw element's content never runs across them. */
const BLOCK_ELEMENTS = new Set('p h1 h2 h3 h4 h5 h6 ul ol li pre blockquote table hr section div'.split(' '));

/**
 * Filters the `raw` nodes of every parent with one `RawHtmlFilter`, in order: unsafe tags
 * go, content of script-like elements goes up to their end tag (nodes in between too), and
 * a block element ends such content, as `analyze.ts` reads it.
 */
export function filterRawHtml(tree: HastRoot): void {
  const visit = (parent: HastRoot | Element) => {
    if (!parent.children.some((c) => c.type === 'raw' || c.type === 'element')) return;
    const filter = new RawHtmlFilter();
    const kept: HastContent[] = [];
    for (const node of parent.children) {
      if (node.type === 'raw') {
        const { html } = filter.clean(node.value);
        if (html) kept.push({ ...node, value: html });
        continue;
      }
      if (node.type === 'element' && BLOCK_ELEMENTS.has(node.tagName)) filter.reset();
      if (filter.dropping !== null) continue;
      if (node.type === 'element') visit(node);
      kept.push(node);
    }
    parent.children = kept as ElementContent[];
  };
  visit(tree);
}

export function rehypeFilterRawHtml(): Transformer<HastRoot> {
  return (tree) => filterRawHtml(tree);
}

function hasRaw(node: HastRoot | HastContent): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some(hasRaw);
}

/** rehype-raw re-parses the whole tree; most bodies hold no raw HTML and skip that cost. */
export function rehypeRawWhenNeeded(): Transformer<HastRoot> {
  const parse = rehypeRaw() as unknown as (tree: HastRoot, file: unknown) => HastRoot;
  return (tree, file) => (hasRaw(tree) ? parse(tree, file) : tree);
}

/**
 * What the sanitizer lets through: exactly the elements Markdown + GFM produce (tables with
 * align, task-list checkboxes, code with a `language-*` class, images, footnotes) and the
 * safe raw set with its attributes. A second net behind the filters above: what reaches it
 * should already be clean.
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  tagNames: [
    ...'p h1 h2 h3 h4 h5 h6 blockquote ul ol li input pre code em strong del a img hr br'.split(' '),
    ...'table thead tbody tr th td section sup'.split(' '),
    ...SAFE_RAW_ELEMENTS,
  ],
  attributes: {
    ...Object.fromEntries(Object.entries(SAFE_RAW_ATTRIBUTES).map(([element, names]) => [element, [...names]])),
    a: [
      'href',
      'title',
      'id',
      'ariaDescribedBy',
      'ariaLabel',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref'],
    ],
    img: ['src', 'alt', 'title'],
    code: [['className', /^language-[\w+#.-]+$/]],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ul: [['className', 'contains-task-list']],
    ol: [['className', 'contains-task-list'], 'start'],
    li: [['className', 'task-list-item'], 'id'],
    th: ['align'],
    td: ['align'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    h2: [['className', 'sr-only'], 'id'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: [...SAFE_URL_PROTOCOLS], src: [...SAFE_URL_PROTOCOLS] },
  ancestors: defaultSchema.ancestors ?? {},
  // remark-rehype already prefixes footnote ids with `user-content-`; raw HTML has no ids.
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
};

/** Images load lazily; links leaving the site do not hand over the page. */
export function decorate(tree: HastRoot): void {
  const visit = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'img') child.properties.loading = 'lazy';
      if (child.tagName === 'a' && /^https?:/i.test(String(child.properties.href ?? ''))) {
        child.properties.rel = ['noopener', 'noreferrer'];
      }
      visit(child);
    }
  };
  visit(tree);
}

export function rehypeDecorate(): Transformer<HastRoot> {
  return (tree) => decorate(tree);
}

export function rehypeScrollRegions(): Transformer<HastRoot> {
  return (tree, file) => wrapScrollRegions(tree, fileSettings(file).locale);
}

/** From parsed Markdown to hast whose raw HTML is filtered and parsed: the first half of the safe steps. */
export const TO_FILTERED_HAST: PluggableList = [
  remarkSafeUrls,
  [remarkRehype, { allowDangerousHtml: true }],
  rehypeFilterRawHtml,
  rehypeRawWhenNeeded,
];

/**
 * The second half: the sanitizer as a second net, then the decorations that need no checking
 * (after it, so that what they add is not taken for the writer's and removed).
 */
export const FINISH_HAST: PluggableList = [[rehypeSanitize, SANITIZE_SCHEMA], rehypeDecorate, rehypeScrollRegions];

/** From the parsed Markdown to safe hast: the steps every caller shares, in order. */
export const SAFE_HTML_PLUGINS: PluggableList = [...TO_FILTERED_HAST, ...FINISH_HAST];

const sanitizeWithSchema = rehypeSanitize(SANITIZE_SCHEMA) as unknown as (tree: HastRoot) => HastRoot;

/** `FINISH_HAST` as a plain function, for a caller that cuts one hast tree into several pieces. */
export function finishHast(tree: HastRoot, locale?: Locale): HastRoot {
  const clean = sanitizeWithSchema(tree);
  decorate(clean);
  wrapScrollRegions(clean, locale);
  return clean;
}
