/**
 * Writes a synthetic road book of N entries (default 10,000) over 20 years of releases, shaped
 * like the sample: front-matter and body verification items, code blocks, tables, data
 * changes, supersedes. Usage: node bench/generate.ts [entries] [out-dir]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MODULES = [
  'facturation',
  'ventes',
  'achats',
  'stocks',
  'comptabilite',
  'tresorerie',
  'immobilisations',
  'paie',
  'crm',
  'edi',
  'administration',
  'production',
];
const TYPES = ['nouveaute', 'evolution', 'correction', 'securite', 'technique'];
const WORDS =
  'facture avoir client fournisseur écriture lettrage relance stock inventaire article remise acompte échéance banque rapprochement immobilisation amortissement salarié bulletin cotisation commande livraison devis tarif export import journal balance'.split(
    ' ',
  );

/** A small deterministic generator, so every run writes the same road book. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export async function generate(entries: number, out: string): Promise<{ versions: number; entries: number }> {
  const rand = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const perVersion = 60;
  const versionCount = Math.ceil(entries / perVersion);

  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'content', 'versions'), { recursive: true });
  await writeFile(
    join(out, 'content', 'roadbook.yml'),
    `product: Gestan\npublisher: ICS-Informatique\nlocale: fr\nmodules:\n${MODULES.map((m) => `  - { id: ${m}, label: ${m} }`).join('\n')}\neditions: [standard, entreprise]\n`,
  );

  let written = 0;
  const ids: string[] = [];
  for (let v = 0; v < versionCount; v++) {
    const major = 10 + Math.floor(v / 8);
    const version = `${major}.${v % 8}.0`;
    const year = 2006 + Math.floor(v / 8);
    const date = `${year}-${String(1 + (v % 8)).padStart(2, '0')}-15`;
    const dir = join(out, 'content', 'versions', version);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'index.md'),
      `---\ndate: ${date}\ndatabase: ${major}\ninstaller: { file: Gestan_${version}.exe, size: 187654321 }\n---\nVersion ${version} : ${words(30)}.\n`,
    );
    const files: Promise<void>[] = [];
    for (let e = 0; e < perVersion && written < entries; e++, written++) {
      const id = `GES-${100000 + written}`;
      const modules = rand() < 0.2 ? [pick(MODULES), pick(MODULES)] : [pick(MODULES)];
      const type = pick(TYPES);
      const supersedes =
        ids.length > 100 && rand() < 0.03 ? `supersedes: [${ids[Math.floor(rand() * (ids.length - 60))]}]\n` : '';
      const data =
        rand() < 0.1
          ? `data: Nouvelle colonne ${words(1).toUpperCase()} dans la table ${words(1).toUpperCase()}.\n`
          : '';
      const code =
        rand() < 0.25
          ? `\n\`\`\`sql\nUPDATE facture SET arrondi = 0.01 WHERE id = ${written};\nSELECT * FROM ecriture WHERE lettre IS NULL;\n\`\`\`\n`
          : '';
      const table =
        rand() < 0.1
          ? `\n| Champ | Avant | Après |\n| --- | --- | --- |\n| ${words(1)} | ${words(2)} | ${words(2)} |\n| ${words(1)} | ${words(2)} | ${words(2)} |\n`
          : '';
      const front = `---\nid: ${id}\ntitle: ${words(6)}\ntype: ${type}\nmodules: [${[...new Set(modules)].join(', ')}]\ntags: [${words(1)}, ${words(1)}]\ntickets: ["${written}"]\n${data}${supersedes}verify:\n  - id: principal\n    step: ${words(8)}\n    expect: ${words(8)}\n    priority: ${pick(['critical', 'high', 'normal', 'low'])}\n  - ${words(7)}\n---\n`;
      const body = `${words(40)}.\n\n${words(30)} **${words(2)}** et \`${words(1)}\`.\n${code}${table}\n## Vérifications\n\n- [ ] ${words(6)} → ${words(6)}\n- [ ] ${words(7)}\n  - Attendu : ${words(5)}\n`;
      ids.push(id);
      files.push(writeFile(join(dir, `${id}.md`), front + body));
    }
    await Promise.all(files);
  }
  return { versions: versionCount, entries: written };
}

if (import.meta.main) {
  const count = Number(process.argv[2] ?? 10000);
  const out = process.argv[3] ?? 'bench/out/roadbook';
  const result = await generate(count, out);
  console.log(`wrote ${result.entries} entries in ${result.versions} versions to ${out}`);
}
