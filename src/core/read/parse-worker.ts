/** Reads a batch of entries on a worker thread (see parse-entries.ts). */
import type { RoadBookConfig } from '../model.ts';
import { parseEntryJob, type EntryJob, type EntryOutcome } from './parse-entries.ts';

export default function parseBatch({
  shared,
  items,
}: {
  shared: RoadBookConfig;
  items: EntryJob[];
}): Promise<EntryOutcome[]> {
  return Promise.all(items.map((job) => parseEntryJob(job, shared)));
}
