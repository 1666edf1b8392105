import { canBeTarget } from '../core/checklist/index.ts';
import type { Translate } from '../core/i18n/translate.ts';
import type { VersionInfo } from '../core/model.ts';

/** A version in a list of versions, with its rank in version order (the path form restricts targets by it). */
export interface RankedVersion {
  v: VersionInfo;
  rank: number;
}

/**
 * The versions the path form offers (components/PathForm.astro), newest first: targets are
 * those that can be one; an installed version only if some target comes after it.
 * `installable`: what can be installed somewhere, for "Mon installation" (published and
 * withdrawn versions, newest first).
 */
export function pathVersions(versions: readonly VersionInfo[]): {
  targets: RankedVersion[];
  sources: RankedVersion[];
  installable: RankedVersion[];
} {
  const includeDrafts = versions.some((v) => v.status === 'draft');
  const ranked = versions.map((v, rank) => ({ v, rank }));
  const targets = ranked.filter(({ v }) => canBeTarget(v, includeDrafts)).reverse();
  const lastTarget = targets[0]?.rank ?? -1;
  return {
    targets,
    sources: ranked.filter(({ rank }) => rank < lastTarget).reverse(),
    installable: ranked.filter(({ v }) => v.status === 'published' || v.status === 'withdrawn').reverse(),
  };
}

/** A version as a list of versions names it: withdrawn versions and drafts say so. */
export function versionOptionLabel(t: Translate, v: Pick<VersionInfo, 'version' | 'status'>): string {
  return v.status === 'withdrawn'
    ? t('path.withdrawn', { version: v.version })
    : v.status === 'draft'
      ? t('path.draft', { version: v.version })
      : v.version;
}
