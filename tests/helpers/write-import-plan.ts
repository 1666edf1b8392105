import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ImportPlan } from '../../src/core/import/plan.ts';
import { compareVersions, urlSafeVersion } from '../../src/core/versions.ts';

/**
 * Writes an import plan into `root`'s content/versions/ the plain way (a folder per version
 * that does not exist yet, one `<id>.md` per entry), so a test can ask `check` whether what
 * an importer planned is a valid road book. `existing` are the versions already on disk.
 */
export async function writeImportPlan(root: string, plan: ImportPlan, existing: readonly string[]): Promise<void> {
  const folderOf = (version: string) =>
    urlSafeVersion(existing.find((v) => compareVersions(v, version) === 0) ?? version);
  for (const version of plan.versions) {
    if (existing.some((v) => compareVersions(v, version.version) === 0)) continue;
    const dir = join(root, 'content/versions', urlSafeVersion(version.version));
    await mkdir(dir, { recursive: true });
    const front = { status: version.status, ...(version.date ? { date: version.date } : {}) };
    await writeFile(join(dir, 'index.md'), `---\n${stringify(front)}---\n${version.intro}`);
  }
  for (const entry of plan.entries) {
    const front = {
      id: entry.id,
      title: entry.title,
      type: entry.type,
      modules: entry.modules,
      tags: entry.tags,
      tickets: entry.tickets,
    };
    const file = join(root, 'content/versions', folderOf(entry.version), `${entry.id}.md`);
    await writeFile(file, `---\n${stringify(front)}---\n${entry.body}\n`, { flag: 'wx' });
  }
}
