/** Reads a batch of entries on a worker thread (see parse-entries.ts). */
import { parseEntryJob, type EntryJob, type EntryOutcome, type ReadSettings } from './parse-entries.ts';

export default function parseBatch({
  shared,
  items,
}: {
  shared: ReadSettings;
  items: EntryJob[];
}): Promise<EntryOutcome[]> {
  return Promise.all(items.map((job) => parseEntryJob(job, shared)));
}
