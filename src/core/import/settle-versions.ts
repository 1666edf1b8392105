/**
 * Which of a plan's versions can be written, and under which version order. A plan's
 * versions that compare equal cannot both exist; npm-style pre-releases (`9.0.0-0`) collide
 * with or sort after their release under roadbook's own order, so a road book that has no
 * version yet switches to `versioning: semver` when every version is SemVer and that order
 * tells them apart. Otherwise every collision is reported with both lines.
 */

import type { RoadBookConfig, VersionInfo } from '../model.ts';
import { compareVersions, parseSemver, type Versioning, type VersionWords } from '../versions.ts';
import type { ImportedVersion, ImportPlan, ImportSkip } from './plan.ts';

export interface SettledVersions {
  versioning: Versioning;
  /** True when the import sets `versioning: semver` in roadbook.yml. */
  switched: boolean;
  /** The plan's versions to create, by version string. */
  create: Map<string, ImportedVersion>;
  /** Plan versions that are already in the road book (equal in version order): their entries go there. */
  existing: Map<string, VersionInfo>;
  skipped: ImportSkip[];
  notes: string[];
}

const ORDER_NAMES: Record<Versioning, string> = {
  roadbook: "roadbook's version order",
  semver: 'SemVer',
};

export function settleVersions(
  plan: ImportPlan,
  config: RoadBookConfig,
  book: readonly VersionInfo[],
): SettledVersions {
  const notes: string[] = [];
  let versioning = config.versioning;
  let switched = false;
  if (versioning === 'roadbook' && book.length === 0 && plan.versions.every((v) => parseSemver(v.version) !== null)) {
    // The importer may know its source is SemVer (plan.versioning); else a conflict decides.
    const conflict = orderConflict(plan.versions, config);
    const reason = conflict
      ? `the versions are all SemVer, and under roadbook's version order ${conflict}`
      : plan.versioning === 'semver'
        ? 'the source numbers its versions the SemVer way'
        : null;
    if (reason) {
      versioning = 'semver';
      switched = true;
      notes.push(`versioning: semver is set in content/roadbook.yml: ${reason}`);
    }
  }
  const rules: VersionWords = { ...config, versioning };

  const create = new Map<string, ImportedVersion>();
  const existing = new Map<string, VersionInfo>();
  const skipped: ImportSkip[] = [];
  const kept: ImportedVersion[] = [];
  const byLine = [...plan.versions].sort((a, b) => a.line - b.line);
  for (const v of byLine) {
    const entries = plan.entries.filter((e) => e.version === v.version).length;
    const notWritten = entries ? `; it and its ${entries} entries are not imported` : '; it is not imported';
    const same = book.find((b) => compareVersions(b.version, v.version, rules) === 0);
    if (same) {
      // The same version, however the source spells it (a tracker's `15.4.0` for the road
      // book's `15.4`): its entries join it, under the road book's spelling.
      existing.set(v.version, same);
      if (same.version !== v.version)
        notes.push(
          `${v.version} (line ${v.line}) is the road book's version ${same.version} under ${ORDER_NAMES[versioning]}: its entries go into content/versions/${same.slug}/`,
        );
      if (v.intro)
        notes.push(`${v.version} (line ${v.line}) is already in the road book: its index.md and introduction are kept`);
      continue;
    }
    const twin = kept.find((k) => compareVersions(k.version, v.version, rules) === 0);
    if (twin) {
      const how =
        twin.version === v.version ? 'appears twice' : `equals ${twin.version} under ${ORDER_NAMES[versioning]}`;
      skipped.push({
        line: v.line,
        what: v.version,
        why: `${how} (line ${twin.line} and line ${v.line})${notWritten}`,
      });
      continue;
    }
    kept.push(v);
    create.set(v.version, v);
  }
  return { versioning, switched, create, existing, skipped, notes };
}

/** How roadbook's own order gets these SemVer versions wrong (two that collide or misorder), or null. */
function orderConflict(versions: readonly ImportedVersion[], config: RoadBookConfig): string | null {
  const roadbook: VersionWords = { ...config, versioning: 'roadbook' };
  const semver: VersionWords = { ...config, versioning: 'semver' };
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) {
      const [a, b] = [versions[i]!, versions[j]!];
      const own = Math.sign(compareVersions(a.version, b.version, roadbook));
      const right = Math.sign(compareVersions(a.version, b.version, semver));
      if (own === right) continue;
      const [low, high] = right < 0 ? [a, b] : [b, a];
      const where = (v: ImportedVersion) => `${v.version} (line ${v.line})`;
      return own === 0
        ? `${where(low)} and ${where(high)} would be the same version`
        : `${where(low)} would come after ${where(high)}`;
    }
  }
  return null;
}
