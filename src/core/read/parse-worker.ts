/** Reads a batch of entries on a worker thread (see parse-entries.ts). */
import type { RoadBookConfig } from '../model.ts';
import { parseEntryJob, type EntryJob, type EntryOutcome } from './parse-entries.ts';

export default function parseBatch({ config, jobs }: { config: RoadBookConfig; jobs: EntryJob[] }): EntryOutcome[] {
  return jobs.map((job) => parseEntryJob(job, config));
}
