/** Reads a batch of entries on a worker thread (see parse-entries.ts). */
import { parseEntryJob, withoutText, type EntryJob, type ReadSettings, type TextlessOutcome } from './parse-entries.ts';

export default function parseBatch({
  shared,
  items,
}: {
  shared: ReadSettings;
  items: EntryJob[];
}): Promise<TextlessOutcome[]> {
  // The entries' text stays here: the reading thread has it already.
  return Promise.all(items.map(async (job) => withoutText(await parseEntryJob(job, shared))));
}
