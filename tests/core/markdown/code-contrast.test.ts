import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../src/core/markdown/render.ts';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const full = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex.slice(0, 7));

const SAMPLES: Record<string, string> = {
  sql: "-- commentaire\nSELECT * FROM facture WHERE total > 10 AND statut = 'x'; /* fin */",
  bash: '# commentaire\necho "x" $HOME | grep -v y',
  powershell: '# commentaire\nGet-Item -Path "C:\\x" | Out-Null',
  ini: '; commentaire\n[section]\ncle=valeur',
  json: '{"a": 1, "b": [true, null]}',
  xml: '<!-- commentaire --><a b="c">d</a>',
  yaml: '# commentaire\na: 1\nb: [x]',
};

describe('highlighted code is readable in both colour schemes', () => {
  it.each(Object.entries(SAMPLES))('every %s token reaches 4.5:1 in light and dark', async (lang, code) => {
    const html = await renderBody(`\`\`\`${lang}\n${code}\n\`\`\`\n`, { verifyHeadings: [] });
    // The colours are classes (`sk-light-0550ae sk-dark-79c0ff`), the background the block's `-bg-` pair.
    const background = /sk-light-bg-([0-9a-f]+) sk-dark-bg-([0-9a-f]+)/.exec(html)!.map((hex) => `#${hex}`);
    const colours = [...html.matchAll(/\bsk-light-([0-9a-f]{6,8}) sk-dark-([0-9a-f]{6,8})\b/g)].map((m) =>
      m.map((hex) => `#${hex}`),
    );
    expect(colours.length).toBeGreaterThan(2);
    for (const [, light, dark] of colours) {
      expect(contrast(full(light!), full(background[1]!))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(full(dark!), full(background[2]!))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
