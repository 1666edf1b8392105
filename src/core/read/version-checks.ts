import { FILE_START, type DiagnosticList } from '../diagnostics.ts';
import type { RoadBookConfig } from '../model.ts';
import { caseCollisions } from '../routes.ts';
import { compareVersions } from '../versions.ts';
import type { ReadVersion } from './version-folder.ts';

/** Versions that compare equal, and release dates that go backwards. */
export function checkVersionOrder(read: ReadVersion[], config: RoadBookConfig, diagnostics: DiagnosticList): void {
  let lastDated: ReadVersion | null = null;
  read.forEach((current, i) => {
    const previous = read[i - 1];
    if (previous && compareVersions(previous.version.version, current.version.version, config) === 0) {
      diagnostics.error(
        'duplicate-version',
        current.version.file,
        FILE_START,
        `Version "${current.version.version}" is the same version as "${previous.version.version}" (${previous.version.file}); keep one folder`,
      );
    }
    if (!current.version.date) return;
    if (lastDated?.version.date && current.version.date < lastDated.version.date) {
      diagnostics.warning(
        'version-date-order',
        current.version.file,
        current.header.dateAt,
        `Version ${current.version.version} is dated ${current.version.date}, before ${lastDated.version.version} (${lastDated.version.date}) which it follows in version order`,
      );
    }
    lastDated = current;
  });
}

/**
 * Version folders that differ only by case: one folder once published on such a host. Said
 * even when the versions also compare equal (`duplicate-version`), because under another
 * versioning scheme they need not, and the folders collide all the same.
 */
export function checkSlugCase(read: ReadVersion[], diagnostics: DiagnosticList): void {
  for (const group of caseCollisions(read, (v) => v.version.slug)) {
    for (const current of group) {
      const others = group.filter((v) => v !== current).map((v) => `"${v.version.slug}"`);
      diagnostics.error(
        'case-collision',
        current.version.file,
        FILE_START,
        `The version folder "${current.version.slug}" differs from ${others.join(', ')} only by case (or the dots that end it): on a case-insensitive server or share they are one folder; rename one of them`,
      );
    }
  }
}
