/**
 * Syntax highlighting of fenced code blocks at build time, with shiki. One highlighter per
 * process, created on the first code block that needs it: the fine-grained core bundle with
 * the JavaScript regex engine (no WebAssembly to load), two themes rendered as one set of
 * spans with `light-dark()` colours, so the site's `color-scheme` picks the theme.
 * Node only (the render pipeline); the browser never highlights.
 */
import type { Root } from 'hast';
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { Transformer } from 'unified';

/**
 * Languages a code block may name; aliases come with their grammar (`sh`, `shell` for bash,
 * `ps1` for powershell, `yml` for yaml, `js`, `ts`). `plaintext`/`text` are built in. Any
 * other name renders as plain escaped `<pre><code>`.
 */
const LANGUAGES = [
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

/** The process's highlighter, created on first use. */
export function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
    langs: LANGUAGES,
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
  return highlighter;
}

let transform: Promise<Transformer<Root>> | null = null;

function getTransform(): Promise<Transformer<Root>> {
  transform ??= getHighlighter().then((h) =>
    rehypeShikiFromHighlighter(h, {
      themes: CODE_THEMES,
      defaultColor: 'light-dark()',
      addLanguageClass: true,
      // A grammar failing on odd input must not fail the build: the block stays plain.
      onError: () => undefined,
    }),
  );
  return transform;
}

function hasCodeBlock(node: Root | Root['children'][number]): boolean {
  if (node.type === 'element' && node.tagName === 'pre') return true;
  return 'children' in node && node.children.some(hasCodeBlock);
}

/** Highlights `pre > code.language-*` blocks; run it after sanitizing so its styles stay. */
export function rehypeHighlight(): Transformer<Root> {
  return async (tree, file) => {
    if (!hasCodeBlock(tree)) return;
    const highlight = await getTransform();
    await highlight(tree, file, () => undefined);
  };
}
