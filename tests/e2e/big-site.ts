import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataIndex } from '../../src/core/data-files.ts';
import { packVersionFile } from '../../src/core/version-file.ts';
import { entry, version } from '../fixtures/checklist/road-book.ts';
import { serveSite, type StaticServer } from './server.ts';

/**
 * A built site served with synthetic data files instead of its own: versions 40.0.0 to
 * 40.20.0, `perVersion` entries each with two items, spread over the site's modules. The
 * path 40.0.0 → 40.20.0 then holds 20 × perVersion entries and twice as many items: the
 * pages' behaviour with thousands of items, without building a road book that large.
 */
export async function serveBigSite(dir: string, perVersion = 250): Promise<{ server: StaticServer; items: number }> {
  const index = JSON.parse(await readFile(join(dir, 'data/index.json'), 'utf8')) as DataIndex;
  const modules = index.modules.map((m) => m.id);
  const json = new Map<string, unknown>();
  const versions: DataIndex['versions'] = [];
  for (let v = 0; v <= 20; v++) {
    const info = version(`40.${v}.0`, { date: '2030-01-01', database: '40' });
    const entries = Array.from({ length: perVersion }, (_, e) => {
      const id = `P-${v}-${e}`;
      return entry(info.version, {
        id,
        title: `Changement ${id}`,
        modules: [modules[e % modules.length]!],
        hash: `h-${id}`,
        items: [1, 2].map((n) => ({
          key: `etape-${n}`,
          step: `Étape ${n} de ${id}`,
          expect: `Résultat ${n}`,
          priority: n === 1 ? ('high' as const) : ('normal' as const),
        })),
      });
    });
    json.set(`/data/versions/${info.slug}.json.gz`, packVersionFile(info, entries));
    versions.push({
      ...info,
      counts: {
        entries: perVersion,
        items: 2 * perVersion,
        byType: { correction: perVersion },
        breaking: 0,
        data: 0,
        actions: 0,
      },
    });
  }
  // The page reads the gzipped index (a file of JSON served under that name is read as well).
  const big = { ...index, versions, processes: [] } satisfies DataIndex;
  json.set('/data/index.json', big);
  json.set('/data/index.json.gz', big);
  return { items: 20 * 2 * perVersion, server: await serveSite(dir, '/', { json }) };
}
