/** An entry's verification items: from `verify:` and from the body, then given their ids. */
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../src/core/diagnostics.ts';
import { parseEntry } from '../../../src/core/read/entry.ts';
import { defaultConfig } from '../../../src/core/read/config.ts';
import { PLACEHOLDER_STEPS } from '../../../src/core/scaffold/placeholder.ts';

async function parse(source: string) {
  const diagnostics = new DiagnosticList();
  const parsed = await parseEntry(source, {
    file: 'content/versions/15.3.0/GES-1.md',
    name: 'GES-1',
    version: '15.3.0',
    versionSlug: '15.3.0',
    config: defaultConfig('fr'),
    assets: new Set(),
    diagnostics,
  });
  return { parsed, diagnostics: diagnostics.sorted().map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`) };
}

const front = (verify: string) =>
  `---\ntitle: Une correction\ntype: correction\nmodules: [facturation]\n${verify}---\n`;

describe('verification items', () => {
  it('come from verify: first, then from the body, each escaped and with its id', async () => {
    const { parsed, diagnostics } = await parse(
      front(
        'verify:\n  - Ouvrir <la> fiche\n  - id: total\n    step: Calculer\n    expect: "2 < 3"\n    priority: high\n',
      ) + '\n## Vérifications\n\n- Imprimer la facture → Le PDF s’ouvre\n',
    );
    expect(diagnostics).toEqual([]);
    expect(parsed!.entry.items.map((i) => [i.id, i.stepHtml, i.expectHtml, i.priority])).toEqual([
      ['GES-1#ouvrir-la-fiche', 'Ouvrir &lt;la&gt; fiche', null, 'normal'],
      ['GES-1#total', 'Calculer', '2 &lt; 3', 'high'],
      ['GES-1#imprimer-la-facture', 'Imprimer la facture', 'Le PDF s’ouvre', 'normal'],
    ]);
  });

  it('refuse an item that is neither a step nor a mapping, and drop the entry', async () => {
    const { parsed, diagnostics } = await parse(front('verify:\n  - [a, b]\n'));
    expect(parsed).toBeNull();
    expect(diagnostics).toEqual(['6:5 error wrong-type']);
  });

  it('warn at a step still holding the placeholder of roadbook new', async () => {
    const { parsed, diagnostics } = await parse(front(`verify:\n  - ${JSON.stringify(PLACEHOLDER_STEPS.en)}\n`));
    expect(parsed!.entry.items).toHaveLength(1);
    expect(diagnostics).toEqual(['6:5 warning placeholder-item']);
  });
});
