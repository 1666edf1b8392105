import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { makeAttachment, type Attachment } from '../../../src/core/run/evidence.ts';
import {
  isZip,
  readProgressZip,
  writeProgress,
  type ProgressDownload,
  type ProgressZip,
} from '../../../src/core/run/progress-zip.ts';
import { parseProgressFile, progressFileText } from '../../../src/core/run/saved.ts';
import type { SavedRun } from '../../../src/core/run/types.ts';

const scope = { product: 'Gestan', base: '/', buildId: 'b1' };
const now = new Date('2026-12-01T12:00:00Z');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
const LOG = strToU8('12:00 ERREUR facture 42 refusée\n');

async function attach(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<Attachment> {
  const made = await makeAttachment({ name, bytes }, now);
  if (!made.ok) throw new Error(made.refusal.code);
  return made.attachment;
}

function run(results: SavedRun['results']): SavedRun {
  return {
    id: 'run1',
    name: 'Recette 15.3',
    created: '2026-12-01T09:00:00.000Z',
    updated: '2026-12-01T11:00:00.000Z',
    buildId: 'b1',
    request: { from: '15.1.0', to: '15.3.0', modules: [], editions: [], processes: [] },
    results,
    signOff: null,
  };
}

/** A run with a screenshot on one failed item and a log on a blocked one, and its ZIP. */
async function fixture() {
  const shot = await attach('écran.png', PNG);
  const log = await attach('journal.log', LOG);
  const runs = [
    run({
      'facture-42#1': { status: 'failed', comment: 'refus', evidence: [shot] },
      'process:paie#2': { status: 'blocked', comment: 'serveur', evidence: [log] },
      'facture-43#1': { status: 'passed' },
    }),
  ];
  const store = new Map([
    [shot.id, PNG],
    [log.id, LOG],
  ]);
  const written = await writeProgress(runs, scope, now, (a) => Promise.resolve(store.get(a.id) ?? null));
  if (written.kind !== 'zip') throw new Error('expected a ZIP');
  return { runs, shot, log, zip: written.bytes };
}

/** The ZIP with its entries changed by `edit`. */
function rezip(zip: Uint8Array, edit: (entries: Zippable) => void): Uint8Array {
  const entries: Zippable = unzipSync(zip);
  edit(entries);
  return zipSync(entries);
}

function ok(read: ProgressZip): Extract<ProgressZip, { ok: true }> {
  if (!read.ok) throw new Error(read.error.message);
  return read;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the progress file of a run', () => {
  it('stays the plain JSON file when no result has evidence', async () => {
    const runs = [run({ 'a#1': { status: 'passed' } })];
    const written: ProgressDownload = await writeProgress(runs, scope, now, () => Promise.resolve(null));
    expect(written).toEqual({ kind: 'json', text: progressFileText(runs, scope, now) });
  });

  it('is a ZIP of the same JSON, the files and a manifest with their SHA-256', async () => {
    const { runs, shot, log, zip } = await fixture();
    expect(isZip(zip)).toBe(true);
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(
      [
        'evidence/' + log.id + '/journal.log',
        'evidence/' + shot.id + '/écran.png',
        'manifest.json',
        'progress.json',
      ].sort(),
    );
    expect(strFromU8(entries['progress.json']!)).toBe(progressFileText(runs, scope, now));
    expect(entries[`evidence/${shot.id}/écran.png`]).toEqual(PNG);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(manifest).toEqual({
      format: 'roadbook-evidence-manifest',
      version: 1,
      progress: { path: 'progress.json', sha256: sha(entries['progress.json']!) },
      files: [
        { ...shot, path: `evidence/${shot.id}/écran.png`, run: 'run1', item: 'facture-42#1', sha256: sha(PNG) },
        { ...log, path: `evidence/${log.id}/journal.log`, run: 'run1', item: 'process:paie#2', sha256: sha(LOG) },
      ],
    });
  });

  it('reads back the runs and every file, with no problem', async () => {
    const { runs, shot, log, zip } = await fixture();
    const read = ok(await readProgressZip(zip, scope, 'fr'));
    expect(read.runs).toEqual(runs);
    expect(read.problems).toEqual([]);
    expect(read.files.get(shot.id)).toEqual({ run: 'run1', item: 'facture-42#1', attachment: shot, bytes: PNG });
    expect(read.files.get(log.id)?.bytes).toEqual(LOG);
    expect(parseProgressFile(strFromU8(unzipSync(zip)['progress.json']!), scope, 'fr').ok).toBe(true);
  });

  it('reports a file changed after the export by name, and does not hand it back', async () => {
    const { shot, log, zip } = await fixture();
    const path = `evidence/${shot.id}/écran.png`;
    const tampered = rezip(zip, (e) => {
      const bytes = new Uint8Array(e[path] as Uint8Array);
      bytes[10] = 0xff;
      e[path] = bytes;
    });
    const read = ok(await readProgressZip(tampered, scope, 'en'));
    expect(read.problems).toEqual([
      { kind: 'mismatch', path, message: `File changed since the export (SHA-256 differs), not taken: ${path}` },
    ]);
    expect([...read.files.keys()]).toEqual([log.id]);
  });

  it('reports a manifest line that no longer agrees with the result it belongs to', async () => {
    const { shot, zip } = await fixture();
    const tampered = rezip(zip, (e) => {
      const text = strFromU8(e['progress.json'] as Uint8Array).replace(shot.sha256, '0'.repeat(64));
      e['progress.json'] = strToU8(text);
    });
    const read = ok(await readProgressZip(tampered, scope, 'fr'));
    expect(read.problems.map((p) => [p.kind, p.path])).toEqual([
      ['mismatch', 'progress.json'],
      ['mismatch', `evidence/${shot.id}/écran.png`],
    ]);
  });

  it('reports a missing file and an extra one', async () => {
    const { shot, log, zip } = await fixture();
    const changed = rezip(zip, (e) => {
      delete e[`evidence/${log.id}/journal.log`];
      e['evidence/zzz/autre.txt'] = strToU8('hello');
    });
    const read = ok(await readProgressZip(changed, scope, 'fr'));
    expect(read.problems.map((p) => [p.kind, p.path])).toEqual([
      ['missing', `evidence/${log.id}/journal.log`],
      ['extra', 'evidence/zzz/autre.txt'],
    ]);
    expect(read.problems[0]!.message).toBe(`Pièce jointe absente de l'archive : evidence/${log.id}/journal.log`);
    expect([...read.files.keys()]).toEqual([shot.id]);
  });

  it('reports an attachment of a result that the manifest does not list', async () => {
    const { shot, log, zip } = await fixture();
    const changed = rezip(zip, (e) => {
      const manifest = JSON.parse(strFromU8(e['manifest.json'] as Uint8Array));
      manifest.files = manifest.files.filter((f: { id: string }) => f.id !== log.id);
      e['manifest.json'] = strToU8(JSON.stringify(manifest));
      delete e[`evidence/${log.id}/journal.log`];
    });
    const read = ok(await readProgressZip(changed, scope, 'fr'));
    expect(read.problems.map((p) => [p.kind, p.path])).toEqual([['missing', `evidence/${log.id}/journal.log`]]);
    expect([...read.files.keys()]).toEqual([shot.id]);
  });

  it('writes the files it has, and says which it had not', async () => {
    const { runs, shot, log } = await fixture();
    const written = await writeProgress(runs, scope, now, (a) => Promise.resolve(a.id === shot.id ? PNG : null));
    expect(written.kind === 'zip' && written.missing).toEqual([log]);
    const read = ok(await readProgressZip((written as { bytes: Uint8Array }).bytes, scope, 'fr'));
    expect(read.problems.map((p) => p.kind)).toEqual(['missing']);
  });
});

describe('a ZIP that is not to be opened', () => {
  const refused = async (zip: Uint8Array, limits?: Parameters<typeof readProgressZip>[3]) => {
    const read = await readProgressZip(zip, scope, 'en', limits);
    if (read.ok) throw new Error('accepted');
    return read.error.message;
  };

  it('refuses a file that expands far beyond its size before decompressing it', async () => {
    const { zip } = await fixture();
    // 11 MB of zeros compress to a few kilobytes: beyond the 10 MB a file may hold.
    const bomb = rezip(zip, (e) => (e['evidence/x/big.txt'] = new Uint8Array(11 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refused(bomb)).toMatch(/exceeds what a progress file may hold \(at “evidence\/x\/big\.txt”\)/);
  });

  it('refuses a header that declares a huge size, and too many entries, and too much in all', async () => {
    const small = zipSync({ 'progress.json': strToU8('{}'), 'manifest.json': strToU8('{}') });
    // The central directory's "uncompressed size" of the first entry set to 4 GB - 1.
    const lying = new Uint8Array(small);
    const view = new DataView(lying.buffer);
    const central = lying.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 0xffffffff, true);
    expect(await refused(lying)).toMatch(/exceeds/);
    const many: Zippable = { 'progress.json': strToU8('{}') };
    for (let i = 0; i < 20; i++) many[`evidence/${i}/a.txt`] = strToU8('a');
    expect(await refused(zipSync(many), { maxEntries: 10, maxTotalBytes: 1e9 })).toMatch(/exceeds/);
    expect(await refused(zipSync(many), { maxEntries: 100, maxTotalBytes: 10 })).toMatch(/exceeds/);
  });

  it('refuses a path that would leave the folder it is extracted to', async () => {
    for (const path of ['../evil.sh', 'evidence/../../x', '/etc/passwd', 'C:/Windows/x', 'evidence\\..\\x', 'a//b']) {
      const zip = zipSync({ 'progress.json': strToU8('{}'), [path]: strToU8('x') });
      expect(await refused(zip)).toContain('leave its folder');
    }
  });

  it('says it cannot check the hashes where the browser has no Web Crypto, rather than report every file', async () => {
    const { zip } = await fixture();
    vi.stubGlobal('crypto', undefined);
    try {
      expect(await refused(zip)).toBe(
        "The archive's SHA-256 fingerprints cannot be checked: this browser does not compute them on a page served without HTTPS.",
      );
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await readProgressZip(zip, scope, 'en')).ok).toBe(true);
  });

  it('refuses what is no ZIP, a truncated one, and one without a progress file, without throwing', async () => {
    const { zip } = await fixture();
    expect(await refused(strToU8('not a zip at all, just text'))).toMatch(/not a readable ZIP/);
    expect(await refused(zip.subarray(0, zip.length - 30))).toMatch(/not a readable ZIP/);
    expect(await refused(zip.subarray(0, zip.length / 2))).toMatch(/not a readable ZIP/);
    const noProgress = rezip(zip, (e) => delete e['progress.json']);
    expect(await refused(noProgress)).toBe('The archive holds no progress file (progress.json).');
    const noManifest = rezip(zip, (e) => delete e['manifest.json']);
    expect(await refused(noManifest)).toBe('Its content is incomplete or damaged (manifest.json: missing).');
    const otherProduct = rezip(zip, (e) => {
      e['progress.json'] = strToU8(strFromU8(e['progress.json'] as Uint8Array).replace('"Gestan"', '"Autre"'));
    });
    expect(await refused(otherProduct)).toMatch(/Autre/);
  });
});
