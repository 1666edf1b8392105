/** Renders a batch of entry bodies on a worker thread (see render.ts). */
import { renderJob, type RenderContext, type RenderJob } from './render.ts';

export default function renderBatch({
  shared,
  items,
}: {
  shared: RenderContext;
  items: RenderJob[];
}): Promise<string[]> {
  return Promise.all(items.map((job) => renderJob(job, shared)));
}
