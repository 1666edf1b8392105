import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeAttachment, type Attachment } from '../../../src/core/run/evidence.ts';
import type { SavedRun } from '../../../src/core/run/types.ts';
import type { EvidenceWrite, StoredEvidence } from '../../../src/scripts/run/evidence-store.ts';
import { importProgress, progressDownload, type EvidenceFiles } from '../../../src/scripts/run/evidence-transfer.ts';

const scope = { product: 'Gestan', base: '/', buildId: null };
const now = new Date('2026-12-01T12:00:00Z');
const LOG = strToU8('12:00 ERREUR\n');

/** The store's two calls over a Map, refusing the items listed in `refuse` (as a full disk would). */
function memoryStore(refuse: string[] = []): EvidenceFiles & { files: Map<string, StoredEvidence> } {
  const files = new Map<string, StoredEvidence>();
  return {
    files,
    get: (run, item, id) => Promise.resolve(files.get(`${run}/${item}/${id}`) ?? null),
    put: (run, item, attachment, blob): Promise<EvidenceWrite> => {
      if (refuse.includes(item)) return Promise.resolve({ ok: false, reason: 'QuotaExceededError: full' });
      files.set(`${run}/${item}/${attachment.id}`, { run, item, attachment, blob });
      return Promise.resolve({ ok: true });
    },
  };
}

function run(evidence: Attachment[]): SavedRun {
  return {
    id: 'run1',
    name: 'R',
    created: now.toISOString(),
    updated: now.toISOString(),
    buildId: null,
    request: { from: null, to: '15.3.0', modules: [], editions: [], processes: [] },
    results: { 'a#1': { status: 'failed', comment: 'KO', evidence }, 'a#2': { status: 'passed' } },
    signOff: null,
  };
}

describe('the progress file with evidence, from and to the store', () => {
  it('downloads a ZIP of the stored files and imports it into another store', async () => {
    const made = await makeAttachment({ name: 'trace.log', bytes: LOG }, now);
    if (!made.ok) throw new Error('refused');
    const here = memoryStore();
    await here.put('run1', 'a#1', made.attachment, new Blob([LOG], { type: 'text/plain' }));
    const download = await progressDownload([run([made.attachment])], scope, now, here);
    expect(download).toMatchObject({ extension: 'zip', mimeType: 'application/zip', missing: [] });

    const there = memoryStore();
    const imported = await importProgress(download.data as Uint8Array, scope, 'fr', there);
    expect(imported.ok && imported.runs[0]!.results['a#1']!.evidence).toEqual([made.attachment]);
    expect(imported.ok && [imported.problems, imported.notStored]).toEqual([[], []]);
    const copy = there.files.get(`run1/a#1/${made.attachment.id}`)!;
    expect(new Uint8Array(await copy.blob.arrayBuffer())).toEqual(LOG);
  });

  it('says which files the store lacked on export and which it refused on import', async () => {
    const made = await makeAttachment({ name: 'trace.log', bytes: LOG }, now);
    if (!made.ok) throw new Error('refused');
    const lacking = await progressDownload([run([made.attachment])], scope, now, memoryStore());
    expect(lacking.missing).toEqual([made.attachment]);
    const here = memoryStore();
    await here.put('run1', 'a#1', made.attachment, new Blob([LOG]));
    const download = await progressDownload([run([made.attachment])], scope, now, here);
    const imported = await importProgress(download.data as Uint8Array, scope, 'fr', memoryStore(['a#1']));
    expect(imported.ok && imported.notStored).toEqual([
      { attachment: made.attachment, reason: 'QuotaExceededError: full' },
    ]);
  });

  it('keeps a run without evidence the plain JSON file, both ways', async () => {
    const download = await progressDownload([run([])], scope, now, null);
    expect(download.extension).toBe('json');
    const imported = await importProgress(strToU8(download.data as string), scope, 'fr', null);
    expect(imported.ok && imported.runs.map((r) => r.id)).toEqual(['run1']);
  });
});
