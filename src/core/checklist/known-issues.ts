/**
 * Known issues on a path (checklist.md, "Known issues on a path"): the issues open in the
 * target, those the upgrade fixes, a better target, and the `known:<issue id>` items. Which
 * versions an issue affects is known-issues.ts's rule; this module only applies it to a path.
 */
import { escapeHtml } from '../escape.ts';
import { translate } from '../i18n/translate.ts';
import { knownIssueHash, knownIssueItemId } from '../item-id.ts';
import {
  affects,
  concerns,
  fixingVersion,
  issuesAffecting,
  type KnownIssueSource,
  type PlacedIssue,
} from '../known-issues.ts';
import type { KnownIssueSeverity, Locale, Priority } from '../model.ts';
import { canBeTarget, type PathPlan } from './path.ts';
import type { BetterTarget, ChecklistItem, ChecklistKnownIssue } from './types.ts';

/** The priority of a known issue's item. */
export const KNOWN_ISSUE_PRIORITY: Record<KnownIssueSeverity, Priority> = {
  blocking: 'critical',
  major: 'high',
  minor: 'normal',
};

/** Severities for which a later version that fixes the issue is a better target. */
const BETTER_TARGET_SEVERITIES: readonly KnownIssueSeverity[] = ['blocking', 'major'];

export interface PathKnownIssues {
  knownIssues: ChecklistKnownIssue[];
  fixedOnPath: ChecklistKnownIssue[];
  betterTarget: BetterTarget | null;
  /** One per open issue with a workaround, in the order of `knownIssues`. */
  items: ChecklistItem[];
}

type Plan = Pick<PathPlan, 'from' | 'to' | 'modules' | 'editions'>;

function listed(source: KnownIssueSource, { issue, version }: PlacedIssue): ChecklistKnownIssue {
  const fix = fixingVersion(source, issue);
  return {
    id: issue.id,
    title: issue.title,
    severity: issue.severity,
    version: version.version,
    modules: [...issue.modules],
    editions: [...issue.editions],
    workaround: issue.workaround,
    fixedIn: fix ? fix.version : null,
    fixedBy: fix ? issue.fixedBy : null,
  };
}

/** The item of an open issue with a workaround: apply it, and check the issue does not stop the work. */
function knownIssueItem({ issue, version }: PlacedIssue, locale: Locale): ChecklistItem {
  const step = translate(locale, 'checklist.known.step', { workaround: issue.workaround ?? '' });
  const expect = translate(locale, 'checklist.known.expect', { title: issue.title });
  return {
    id: knownIssueItemId(issue.id),
    key: issue.id,
    entry: null,
    process: null,
    knownIssue: issue.id,
    title: issue.title,
    version: version.version,
    module: null,
    modules: [...issue.modules],
    type: null,
    step,
    stepHtml: escapeHtml(step),
    expect,
    expectHtml: escapeHtml(expect),
    priority: KNOWN_ISSUE_PRIORITY[issue.severity],
    menu: null,
    setup: null,
    url: null,
    hash: knownIssueHash(issue),
  };
}

/** What a path's checklist says of known issues, with the request's module and edition filters. */
export function pathKnownIssues(source: KnownIssueSource, plan: Plan, locale: Locale): PathKnownIssues {
  const mine = (placed: PlacedIssue) => concerns(placed.issue, plan.modules, plan.editions);
  const open = issuesAffecting(source, plan.to).filter(mine);
  const fixed = plan.from
    ? issuesAffecting(source, plan.from)
        .filter(mine)
        .filter((placed) => !affects(source, placed, plan.to))
    : [];
  return {
    knownIssues: open.map((p) => listed(source, p)),
    fixedOnPath: fixed.map((p) => listed(source, p)),
    betterTarget: betterTarget(source, plan, open),
    items: open.filter((p) => p.issue.workaround !== null).map((p) => knownIssueItem(p, locale)),
  };
}

/**
 * The first version after `to` that can be a target (never a withdrawn one) and no longer has
 * at least one blocking or major open issue of `to`, with every open issue it fixes.
 */
function betterTarget(source: KnownIssueSource, plan: Plan, open: readonly PlacedIssue[]): BetterTarget | null {
  const serious = open.filter((p) => BETTER_TARGET_SEVERITIES.includes(p.issue.severity));
  if (serious.length === 0) return null;
  const later = source.versions.slice(source.versions.indexOf(plan.to) + 1);
  for (const candidate of later) {
    if (!canBeTarget(candidate, source.includeDrafts)) continue;
    if (!serious.some((p) => !affects(source, p, candidate))) continue;
    const fixes = open.filter((p) => !affects(source, p, candidate)).map((p) => p.issue.id);
    return { version: candidate.version, fixes };
  }
  return null;
}
