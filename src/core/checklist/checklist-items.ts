/** The rows of a checklist: each item of an entry, each step of a chosen process. */
import { escapeHtml } from '../escape.ts';
import { processItemId } from '../item-id.ts';
import type { EntryRecord, Process, VersionInfo } from '../model.ts';
import { textDigest } from './digest.ts';
import type { ChecklistItem } from './types.ts';

/** The items of an entry, listed under `module`; `url` is the entry's page. */
export function entryItems(entry: EntryRecord, module: string, url: string): ChecklistItem[] {
  return entry.items.map((item) => ({
    id: item.id,
    key: item.key,
    entry: entry.id,
    process: null,
    knownIssue: null,
    title: entry.title,
    version: entry.version,
    module,
    modules: [...entry.modules],
    type: entry.type,
    step: item.step,
    stepHtml: item.stepHtml,
    expect: item.expect,
    expectHtml: item.expectHtml,
    priority: item.priority,
    menu: item.menu,
    setup: item.setup,
    url,
    hash: entry.hash,
  }));
}

/** Process steps are high priority: the company picked them as what must keep working. */
export const PROCESS_PRIORITY = 'high';

/** The steps of a process, as items of the target version `to`. */
export function processItems(process: Process, to: VersionInfo): ChecklistItem[] {
  return process.steps.map((step, i) => ({
    id: processItemId(process.id, i + 1),
    key: String(i + 1),
    entry: null,
    process: process.id,
    knownIssue: null,
    title: process.label,
    version: to.version,
    module: null,
    modules: [...process.modules],
    type: null,
    step,
    stepHtml: escapeHtml(step),
    expect: null,
    expectHtml: null,
    priority: PROCESS_PRIORITY,
    menu: null,
    setup: null,
    url: null,
    hash: textDigest(step),
  }));
}
