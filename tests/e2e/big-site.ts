import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import type { DataIndex, VersionFile } from '../../src/core/data-files.ts';

/**
 * A built site served with synthetic data files instead of its own: versions 40.0.0 to
 * 40.20.0, `perVersion` entries each with two items, spread over the site's modules. The
 * path 40.0.0 → 40.20.0 then holds 20 × perVersion entries and twice as many items: the
 * pages' behaviour with thousands of items, without building a road book that large.
 */
export async function serveBigSite(
  dir: string,
  perVersion = 250,
): Promise<{ server: { origin: string; url: string; close(): Promise<void> }; items: number }> {
  const index = JSON.parse(await readFile(join(dir, 'data/index.json'), 'utf8')) as DataIndex;
  const modules = index.modules.map((m) => m.id);
  const files = new Map<string, VersionFile>();
  const versions: DataIndex['versions'] = [];
  for (let v = 0; v <= 20; v++) {
    const version = {
      version: `40.${v}.0`,
      slug: `40.${v}.0`,
      date: '2030-01-01',
      status: 'published' as const,
      title: null,
      installer: null,
      minimumFrom: null,
      database: '40',
    };
    const entries = Array.from({ length: perVersion }, (_, e) => {
      const id = `P-${v}-${e}`;
      return {
        id,
        version: version.version,
        versionSlug: version.slug,
        title: `Changement ${id}`,
        type: 'correction',
        modules: [modules[e % modules.length]!],
        tags: [],
        breaking: false,
        data: null,
        action: null,
        tickets: [],
        editions: [],
        supersedes: [],
        supersededBy: [],
        hash: `h-${id}`,
        items: [1, 2].map((n) => ({
          id: `${id}#etape-${n}`,
          key: `etape-${n}`,
          step: `Étape ${n} de ${id}`,
          stepHtml: `Étape ${n} de ${id}`,
          expect: `Résultat ${n}`,
          expectHtml: `Résultat ${n}`,
          priority: n === 1 ? ('high' as const) : ('normal' as const),
          menu: null,
          setup: null,
        })),
      };
    });
    files.set(version.slug, { schema: 1, version, entries });
    versions.push({
      ...version,
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
  const data: DataIndex = { ...index, versions, processes: [] };
  const site = sirv(dir, { dev: true, etag: false });
  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const send = (value: unknown) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(value));
    };
    if (path === '/data/index.json') return send(data);
    const m = /^\/data\/versions\/(.+)\.json$/.exec(path);
    if (m && files.has(m[1]!)) return send(files.get(m[1]!));
    site(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    items: 20 * 2 * perVersion,
    server: {
      origin,
      url: `${origin}/`,
      close: () =>
        new Promise<void>((done) => {
          http.closeAllConnections();
          http.close(() => done());
        }),
    },
  };
}
