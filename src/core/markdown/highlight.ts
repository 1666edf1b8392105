/**
 * Syntax highlighting of fenced code blocks at build time, with shiki. One highlighter per
 * process, created on the first code block that needs it: the fine-grained core bundle with
 * the JavaScript regex engine (no WebAssembly to load), two themes rendered as one set of
 * spans. Shiki writes each token's colours as CSS variables in a `style` attribute, which the
 * pages' Content-Security-Policy refuses: each variable becomes a class instead
 * (`--shiki-dark:#79C0FF` → `sk-dark-79c0ff`), and `codeStyleSheet()` writes the rule of every
 * class the two themes can produce; site.css turns the variables into `light-dark()` colours,
 * so the site's `color-scheme` picks the theme.
 * Node only (the render pipeline); the browser never highlights.
 */
import type { Element, Root } from 'hast';
import type { HighlighterCore } from 'shiki/core';
import type { Transformer } from 'unified';

/**
 * Languages a code block may name; aliases come with their grammar (`sh`, `shell` for bash,
 * `ps1` for powershell, `yml` for yaml, `js`, `ts`). `plaintext`/`text` are built in. Any
 * other name renders as plain escaped `<pre><code>`.
 */
const languages = () => [
  import('shiki/langs/sql.mjs'),
  import('shiki/langs/json.mjs'),
  import('shiki/langs/xml.mjs'),
  import('shiki/langs/html.mjs'),
  import('shiki/langs/shellscript.mjs'),
  import('shiki/langs/powershell.mjs'),
  import('shiki/langs/ini.mjs'),
  import('shiki/langs/yaml.mjs'),
  import('shiki/langs/csv.mjs'),
  import('shiki/langs/diff.mjs'),
  import('shiki/langs/javascript.mjs'),
  import('shiki/langs/typescript.mjs'),
];

/** Both themes keep every token at 4.5:1 against their background (WCAG AA); a test checks it. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

let highlighter: Promise<HighlighterCore> | null = null;

/**
 * The process's highlighter, created on first use. Shiki and its grammars are loaded only
 * then: `check` renders every body, and most road books' bodies hold no code block.
 */
export function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
      langs: languages(),
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    });
  })();
  return highlighter;
}

let transform: Promise<Transformer<Root>> | null = null;

function getTransform(): Promise<Transformer<Root>> {
  transform ??= Promise.all([getHighlighter(), import('@shikijs/rehype/core')]).then(
    ([h, { default: rehypeShikiFromHighlighter }]) =>
      rehypeShikiFromHighlighter(h, {
        themes: CODE_THEMES,
        // Colours as variables only (`--shiki-light`, `--shiki-dark`, …), turned into classes below.
        defaultColor: false,
        // The scrolling region around the block takes focus (scroll-regions.ts), not the block.
        tabindex: false,
        addLanguageClass: true,
        // A grammar failing on odd input must not fail the build: the block stays plain.
        onError: () => undefined,
        // No time limit per line: with one (shiki's default is 500 ms), a line tokenized on a
        // busy machine or a cold worker thread stops early and the rest of it takes the last
        // token's colour, so the same Markdown would give different HTML from build to build.
        // What bounds the time instead, the same on every machine: a line longer than this
        // stays plain text.
        tokenizeTimeLimit: 0,
        tokenizeMaxLineLength: 5_000,
      }),
  );
  return transform;
}

function hasCodeBlock(node: Root | Root['children'][number]): boolean {
  if (node.type === 'element' && node.tagName === 'pre') return true;
  return 'children' in node && node.children.some(hasCodeBlock);
}

/** The style properties shiki writes that a class stands for, with the values a theme can give. */
const FONT_VALUES: Readonly<Record<string, readonly string[]>> = {
  'font-style': ['italic'],
  'font-weight': ['bold'],
  'text-decoration': ['underline', 'line-through', 'underline line-through'],
};

/** The class standing for one `--shiki-…` declaration: its name and value, lowercased, as letters and digits. */
export function codeStyleClass(property: string, value: string): string {
  const name = `${property.replace(/^--shiki-/, '')}-${value}`.toLowerCase();
  return `sk-${name.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/**
 * Replaces the `style` of a highlighted block and of its tokens by classes, one per
 * declaration. A declaration that is not a `--shiki-…` variable is dropped: the token then
 * takes the block's colours.
 */
export function stylesToClasses(tree: Root): void {
  // Shiki puts each highlighted block in the tree as a nested root: every parent is visited.
  const visit = (node: Root | Element) => {
    for (const child of node.children as (Root | Element | Root['children'][number])[]) {
      if (child.type === 'root') visit(child);
      if (child.type !== 'element') continue;
      const style = child.properties.style;
      if (typeof style === 'string') {
        const classes = style
          .split(';')
          .map((declaration) => declaration.split(':').map((part) => part.trim()))
          .filter(([property, value]) => property?.startsWith('--shiki-') && value)
          .map(([property, value]) => codeStyleClass(property!, value!));
        // Shiki names the property `class`, as in HTML, where hast has `className`.
        const kept = [child.properties.className, child.properties.class].flatMap((value) =>
          Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(' ') : [],
        );
        child.properties.className = [...kept, ...classes];
        delete child.properties.class;
        delete child.properties.style;
      }
      visit(child);
    }
  };
  visit(tree);
}

/**
 * The rule of every class `stylesToClasses` can write for the two themes: each colour a theme
 * holds (for tokens), its background (for the block) and each font style. Served as a
 * stylesheet of the site.
 */
export async function codeStyleSheet(): Promise<string> {
  const h = await getHighlighter();
  const declarations = new Map<string, string>();
  const add = (property: string, value: string) =>
    declarations.set(codeStyleClass(property, value), `${property}:${value.toLowerCase()}`);
  for (const [variant, name] of Object.entries(CODE_THEMES)) {
    const theme = h.getTheme(name);
    add(`--shiki-${variant}-bg`, theme.bg);
    add(`--shiki-${variant}`, theme.fg);
    for (const { settings } of theme.settings) {
      if (settings.foreground) add(`--shiki-${variant}`, settings.foreground);
    }
    for (const [property, values] of Object.entries(FONT_VALUES)) {
      for (const value of values) add(`--shiki-${variant}-${property}`, value);
    }
  }
  return [...declarations].map(([name, rule]) => `.${name}{${rule}}`).join('\n') + '\n';
}

/** Highlights `pre > code.language-*` blocks; run it after sanitizing so its styles stay. */
export function rehypeHighlight(): Transformer<Root> {
  return async (tree, file) => {
    if (!hasCodeBlock(tree)) return;
    const highlight = await getTransform();
    await highlight(tree, file, () => undefined);
    stylesToClasses(tree);
  };
}
