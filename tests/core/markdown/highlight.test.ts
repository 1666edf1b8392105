import { describe, expect, it } from 'vitest';
import { codeStyleClass, codeStyleSheet } from '../../../src/core/markdown/highlight.ts';
import { renderBody } from '../../../src/core/markdown/render.ts';

const SAMPLES: Record<string, string> = {
  sql: "-- c\nSELECT * FROM t WHERE a > 1 AND b = 'x';",
  bash: '# c\necho "x" $HOME | grep -v y',
  powershell: '# c\nGet-Item -Path "C:\\x" | Out-Null',
  json: '{"a": 1, "b": [true, null]}',
  xml: '<!-- c --><a b="c">d</a>',
  html: '<p class="x">a &amp; b</p>',
  ini: '; c\n[s]\nk=v',
  yaml: '# c\na: 1\nb: [x]',
  csv: 'a;b;c\n1;2;3',
  diff: '--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y',
  javascript: 'const a = `x${1}`; // c',
  typescript: 'type A = { a: number }; /* c */',
};

describe('highlighted code under a policy without inline styles', () => {
  it('names a declaration as a class of letters and digits', () => {
    expect(codeStyleClass('--shiki-dark', '#79C0FF')).toBe('sk-dark-79c0ff');
    expect(codeStyleClass('--shiki-light-text-decoration', 'underline line-through')).toBe(
      'sk-light-text-decoration-underline-line-through',
    );
  });

  it.each(Object.entries(SAMPLES))('gives %s tokens only classes the stylesheet defines', async (lang, code) => {
    const html = await renderBody(`\`\`\`${lang}\n${code}\n\`\`\`\n`, { verifyHeadings: [] });
    expect(html).toContain('class="shiki');
    expect(html).not.toContain('style=');
    const sheet = await codeStyleSheet();
    const defined = new Set([...sheet.matchAll(/^\.(sk-[a-z0-9-]+)\{--shiki-[a-z-]+:[^}]+\}$/gm)].map((m) => m[1]));
    const used = [...html.matchAll(/\bsk-[a-z0-9-]+/g)].map((m) => m[0]);
    expect(used.length).toBeGreaterThan(4);
    expect(used.filter((c) => !defined.has(c))).toEqual([]);
  });
});
