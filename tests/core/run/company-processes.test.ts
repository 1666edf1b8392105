import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../src/core/diagnostics.ts';
import { defaultConfig } from '../../../src/core/read/config.ts';
import { parseCompanyProcesses } from '../../../src/core/read/processes.ts';
import {
  companyProcessesText,
  mergeCompanyProcesses,
  parseCompanyProcessesText,
  processConflicts,
  processFromDraft,
} from '../../../src/core/run/company-processes.ts';
import { parseStoredProcesses, serializeCompanyProcesses } from '../../../src/core/run/stored-processes.ts';
import { PROCESSES } from '../../fixtures/checklist/road-book.ts';
import { SCOPE } from './fixture.ts';

const MODULES = [
  { id: 'facturation', label: 'Facturation' },
  { id: 'comptabilite', label: 'Comptabilité' },
];
const context = { catalogue: PROCESSES, modules: MODULES, others: [] };
const OWN = {
  id: 'paie-2026',
  label: 'Paie de janvier 2026',
  modules: ['comptabilite'],
  steps: ['Calculer les bulletins', 'Contrôler : la DSN "2026"'],
};

describe('a company process from the page’s form', () => {
  it('is made from the label when no id is given, unique among the others', () => {
    const made = processFromDraft(
      { id: '', label: ' Contrôle TVA ', modules: ['facturation'], steps: 'Étape 1\n\n  Étape 2  \n' },
      context,
      'fr',
    );
    expect(made).toEqual({
      ok: true,
      process: { id: 'controle-tva', label: 'Contrôle TVA', modules: ['facturation'], steps: ['Étape 1', 'Étape 2'] },
    });
    const again = processFromDraft(
      { id: '', label: 'Contrôle TVA', modules: [], steps: 'x' },
      { ...context, others: [made.ok ? made.process : OWN] },
      'fr',
    );
    expect(again.ok && again.process.id).toBe('controle-tva-2');
  });

  it('says what is wrong with each field', () => {
    const bad = processFromDraft({ id: 'cloture', label: '', modules: ['inconnu'], steps: '  ' }, context, 'fr');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.field)).toEqual(['label', 'id', 'modules', 'steps']);
    expect(bad.problems[1]!.message).toMatch(/catalogue/);
    const id = processFromDraft({ id: 'a b', label: 'L', modules: [], steps: 'x' }, context, 'en');
    expect(!id.ok && id.problems[0]!.message).toMatch(/The id “a b” is not valid/);
    const dup = processFromDraft(
      { id: 'paie-2026', label: 'L', modules: [], steps: 'x' },
      { ...context, others: [OWN] },
      'fr',
    );
    expect(!dup.ok && dup.problems[0]!.message).toMatch(/déjà/);
  });
});

describe('the processes file', () => {
  it('is read by the CLI (`roadbook checklist --processes`) exactly as the page wrote it', async () => {
    const text = await companyProcessesText(
      {
        picks: ['cloture'],
        processes: [OWN, { ...OWN, id: '2026', label: 'true', steps: ['- tiret', '# dièse', 'a: b'] }],
      },
      { product: 'Gestan' },
      'fr',
    );
    expect(text.startsWith('# Processus stratégiques de votre société pour Gestan.\n')).toBe(true);
    const diagnostics = new DiagnosticList();
    const config = { ...defaultConfig(), modules: MODULES };
    expect(parseCompanyProcesses(text, 'processes.yml', config, diagnostics)).toEqual([
      'cloture',
      OWN,
      { ...OWN, id: '2026', label: 'true', steps: ['- tiret', '# dièse', 'a: b'] },
    ]);
    expect(diagnostics.sorted()).toEqual([]);
    // And the page reads it back.
    expect(await parseCompanyProcessesText(text, context, 'fr')).toEqual({
      ok: true,
      picks: ['cloture'],
      processes: [OWN, { ...OWN, id: '2026', label: 'true', steps: ['- tiret', '# dièse', 'a: b'] }],
    });
  });

  it('accepts what a person writes by hand: YAML with single values, numbers kept as text, or JSON', async () => {
    const yaml = `# nos processus\n- cloture\n- id: 2027\n  label: Inventaire annuel\n  modules: comptabilite\n  steps: Compter le stock\n`;
    expect(await parseCompanyProcessesText(yaml, context, 'fr')).toEqual({
      ok: true,
      picks: ['cloture'],
      processes: [{ id: '2027', label: 'Inventaire annuel', modules: ['comptabilite'], steps: ['Compter le stock'] }],
    });
    const json = JSON.stringify([{ id: 'x', label: 'X', modules: [], steps: ['a'] }]);
    expect(await parseCompanyProcessesText(json, context, 'fr')).toMatchObject({ ok: true, processes: [{ id: 'x' }] });
  });

  it('refuses a bad file with every problem, item by item', async () => {
    const bad = `- inconnu\n- 42\n- [a, b]\n- id: x\n  label: X\n  steps: [a]\n- id: x\n  label: Y\n  steps: [b]\n- id: y\n  label: Y\n  modules: [nope]\n  steps: {a: 1}\n`;
    const parsed = await parseCompanyProcessesText(bad, context, 'fr');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(5);
    expect(parsed.errors[0]).toMatch(/^Élément 1 inconnu : aucun processus « inconnu » dans le catalogue/);
    expect(parsed.errors[1]).toMatch(/^Élément 2 42 :/);
    expect(parsed.errors[2]).toMatch(/^Élément 3\s+: doit être un identifiant/);
    expect(parsed.errors[3]).toMatch(/^Élément 5 x : Un autre processus a déjà l'identifiant « x »/);
    expect(parsed.errors[4]).toMatch(/steps doit être une liste de textes/);
    for (const text of ['a: 1', '- &a x\n- *a', '- [unclosed', '']) {
      const result = await parseCompanyProcessesText(text, context, 'fr');
      expect(result.ok, text).toBe(false);
    }
  });

  it('merges an import: same id replaces, new ones are added, picks are added', () => {
    const merged = mergeCompanyProcesses(
      { picks: ['cloture'], processes: [OWN] },
      {
        picks: ['facturation-mensuelle', 'cloture'],
        processes: [
          { ...OWN, label: 'Nouveau' },
          { ...OWN, id: 'autre' },
        ],
      },
    );
    expect(merged.library.processes.map((p) => [p.id, p.label])).toEqual([
      ['paie-2026', 'Nouveau'],
      ['autre', OWN.label],
    ]);
    expect(merged).toMatchObject({ added: ['autre'], replaced: ['paie-2026'], picked: ['facturation-mensuelle'] });
    expect(merged.library.picks).toEqual(['cloture', 'facturation-mensuelle']);
  });

  it('asks about an imported process that differs from the one here, and keeps it when told', () => {
    const library = { picks: [], processes: [OWN] };
    const incoming = {
      picks: [],
      processes: [
        { ...OWN, steps: ['Autre étape'] },
        { ...OWN, id: 'autre' },
      ],
    };
    expect(processConflicts(library, incoming)).toEqual([{ id: OWN.id, here: OWN, incoming: incoming.processes[0] }]);
    expect(processConflicts(library, { picks: [], processes: [{ ...OWN }] })).toEqual([]);
    const merged = mergeCompanyProcesses(library, incoming, new Set([OWN.id]));
    expect(merged.library.processes).toEqual([OWN, incoming.processes[1]]);
    expect(merged).toMatchObject({ added: ['autre'], replaced: [], kept: [OWN.id] });
  });

  it('is kept in the browser in its own versioned format', () => {
    const library = { picks: ['cloture'], processes: [OWN] };
    const text = serializeCompanyProcesses(library, SCOPE);
    expect(JSON.parse(text)).toMatchObject({ format: 'roadbook-company-processes', version: 1, product: 'Gestan' });
    expect(parseStoredProcesses(text, SCOPE, 'fr')).toEqual({ ok: true, library });
    expect(parseStoredProcesses('{', SCOPE, 'fr').ok).toBe(false);
    expect(
      parseStoredProcesses(serializeCompanyProcesses(library, { ...SCOPE, product: 'X' }), SCOPE, 'fr'),
    ).toMatchObject({ ok: false, error: { code: 'other-product' } });
  });
});
