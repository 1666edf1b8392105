import { FILE_START, type DiagnosticList } from '../diagnostics.ts';
import type { Entry, RoadBookConfig } from '../model.ts';
import { caseCollisions } from '../routes.ts';
import type { ReadVersion } from './version-folder.ts';

/** Ids unique across the road book, case aside; `supersedes` naming existing, earlier entries. */
export function checkEntries(read: ReadVersion[], diagnostics: DiagnosticList): void {
  const all = read.flatMap((version) => version.entries);
  for (const group of caseCollisions(all, (e) => e.entry.id)) {
    for (const { entry, positions } of group) {
      const others = group.filter((e) => e.entry !== entry).map((e) => `"${e.entry.id}" (${e.entry.file})`);
      diagnostics.error(
        'case-collision',
        entry.file,
        positions.id,
        `The id "${entry.id}" differs from ${others.join(', ')} only by case (or the dots that end it): a case-insensitive server or share reads them as one name, and entry ids are unique in the whole road book; change one of the ids`,
      );
    }
  }

  const byId = new Map<string, { entry: Entry; index: number }>();
  read.forEach((version, index) => {
    for (const { entry, positions } of version.entries) {
      const existing = byId.get(entry.id);
      if (existing) {
        diagnostics.error(
          'duplicate-entry-id',
          entry.file,
          positions.id,
          `The id "${entry.id}" is already used by ${existing.entry.file}; entry ids are unique in the whole road book`,
        );
        continue;
      }
      byId.set(entry.id, { entry, index });
    }
  });
  read.forEach((version, index) => {
    for (const { entry, positions } of version.entries) {
      entry.supersedes.forEach((target, i) => {
        const found = byId.get(target);
        const at = positions.supersedes[i] ?? FILE_START;
        if (!found) {
          diagnostics.error(
            'unknown-supersedes',
            entry.file,
            at,
            `\`supersedes\` names "${target}", which no entry has as id`,
          );
        } else if (found.entry === entry) {
          diagnostics.error('supersedes-later', entry.file, at, `\`supersedes\` names this entry itself`);
        } else if (found.index > index) {
          diagnostics.error(
            'supersedes-later',
            entry.file,
            at,
            `\`supersedes\` names "${target}", an entry of a later version (${found.entry.version}); an entry can only replace entries of its own or earlier versions`,
          );
        }
      });
    }
  });
}

/**
 * Without a closed list of modules in roadbook.yml, the modules are those the entries name,
 * each with its page (`/modules/<id>/`): two that differ only by case are one page on a
 * case-insensitive host. Said at the first entry that writes each spelling.
 */
export function checkModuleCase(read: ReadVersion[], config: RoadBookConfig, diagnostics: DiagnosticList): void {
  if (config.modules) return; // checked with roadbook.yml, and entries must use its ids
  const uses = read.flatMap((v) =>
    v.entries.flatMap(({ entry, positions }) =>
      entry.modules.map((module, i) => ({ module, file: entry.file, at: positions.modules[i] ?? FILE_START })),
    ),
  );
  for (const group of caseCollisions(uses, (use) => use.module)) {
    for (const use of group) {
      const others = group.filter((o) => o !== use).map((o) => `"${o.module}" (${o.file})`);
      diagnostics.error(
        'case-collision',
        use.file,
        use.at,
        `The module "${use.module}" differs from ${others.join(', ')} only by case (or the dots that end it): a case-insensitive server or share reads them as one module page; write them the same way`,
      );
    }
  }
}
