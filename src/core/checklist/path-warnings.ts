/** The warnings of an upgrade path: a minimum version to install first, draft versions on it. */
import { translate } from '../i18n/translate.ts';
import { compareVersions } from '../versions.ts';
import { canBeTarget, findVersion, type PathPlan } from './path.ts';
import type { ChecklistSource, ChecklistWarning } from './types.ts';

/** One `minimum-from` warning per minimum above `from`, for the oldest version that declares it. */
export function minimumWarnings(source: ChecklistSource, plan: PathPlan): ChecklistWarning[] {
  const { from } = plan;
  if (!from) return [];
  const words = source.versionWords;
  const warnings: ChecklistWarning[] = [];
  const seen = new Set<string>();
  for (const version of plan.versions) {
    const minimum = version.minimumFrom;
    if (!minimum || compareVersions(minimum, from.version, words) <= 0) continue;
    const known = findVersion(source.versions, minimum, words);
    const key = known?.slug ?? minimum;
    if (seen.has(key)) continue;
    seen.add(key);
    // The version to install first: the oldest one that can be a target at or above the minimum.
    const install =
      source.versions.find(
        (v) => canBeTarget(v, source.includeDrafts) && compareVersions(v.version, minimum, words) >= 0,
      ) ?? known;
    const installText = install?.version ?? minimum;
    warnings.push({
      code: 'minimum-from',
      message: translate(source.locale, 'checklist.warning.minimumFrom', {
        version: version.version,
        minimum: known?.version ?? minimum,
        install: installText,
        to: plan.to.version,
      }),
      version: version.version,
      minimumFrom: known?.version ?? minimum,
      install: installText,
    });
  }
  return warnings;
}

/** One `draft` warning per draft version on the path. */
export function draftWarnings(source: ChecklistSource, plan: PathPlan): ChecklistWarning[] {
  return plan.versions
    .filter((v) => v.status === 'draft')
    .map((v) => ({
      code: 'draft' as const,
      message: translate(source.locale, 'checklist.warning.draft', { version: v.version }),
      version: v.version,
    }));
}
