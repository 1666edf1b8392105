/**
 * The engine and the exporters run in the browser: bundled by Vite (the site's bundler) for
 * the browser, nothing is left to a Node built-in, exceljs resolves to its browser build, and
 * every format's writer (with its library) is a chunk of its own, loaded on first use.
 */
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

type Chunk = Rolldown.OutputChunk;

describe('browser bundle', () => {
  let chunks: Chunk[];
  const warnings: string[] = [];

  beforeAll(async () => {
    const result = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      customLogger: {
        info: () => {},
        warn: (message: string) => warnings.push(message),
        warnOnce: (message: string) => warnings.push(message),
        error: (message: string) => warnings.push(message),
        clearScreen: () => {},
        hasErrorLogged: () => false,
        hasWarned: false,
      },
      build: {
        write: false,
        minify: false,
        lib: {
          entry: {
            checklist: join(root, 'src/core/checklist/index.ts'),
            export: join(root, 'src/core/export/index.ts'),
          },
          formats: ['es'],
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    chunks = outputs.flatMap((o) => o.output).filter((o): o is Chunk => o.type === 'chunk');
  }, 60_000);

  it('leaves nothing to a Node built-in', () => {
    const modules = chunks.flatMap((c) => c.moduleIds);
    expect(modules.filter((m) => m.includes('browser-external') || m.startsWith('node:'))).toEqual([]);
    expect(warnings.filter((w) => /externalized|node:|built-in/i.test(w))).toEqual([]);
  });

  it('takes the browser build of exceljs, in a chunk of its own', () => {
    const excel = chunks.filter((c) => c.moduleIds.some((m) => m.includes('/exceljs/')));
    expect(excel).toHaveLength(1);
    expect(
      excel[0]!.moduleIds.filter((m) => m.includes('/exceljs/')).map((m) => m.replace(/.*node_modules\//, '')),
    ).toEqual(['exceljs/dist/exceljs.min.js']);
    expect(excel[0]!.isDynamicEntry).toBe(true);
  });

  it('loads no writer until a format is used', () => {
    const entries = chunks.filter((c) => c.isEntry);
    expect(entries.map((c) => c.name).sort()).toEqual(['checklist', 'export']);
    const staticGraph = new Set<string>();
    const visit = (chunk: Chunk) => {
      for (const m of chunk.moduleIds) staticGraph.add(m);
      for (const name of chunk.imports) {
        const next = chunks.find((c) => c.fileName === name);
        if (next) visit(next);
      }
    };
    entries.forEach(visit);
    const libraries = [...staticGraph].filter((m) => m.includes('node_modules'));
    // Version order (`versioning: semver`) needs semver's parser at once, and nothing more of it.
    const semver = libraries.filter((m) => m.includes('/node_modules/semver/'));
    expect(libraries.filter((m) => !semver.includes(m))).toEqual([]);
    expect(
      semver.filter((m) => !/\/semver\/(?:functions\/parse|classes\/semver|internal\/[\w-]+)\.js$/.test(m)),
    ).toEqual([]);
  });
});
