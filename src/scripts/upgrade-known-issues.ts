/**
 * The upgrade page's parts about known issues, support and the path in time (checklist.md,
 * "Known issues on a path"; design README, the upgrade page): the open issues of the target
 * (blocking ones first and prominent), what the upgrade fixes, a better target one click
 * away, support warnings by the reader's date, and the path as a timeline whose data and
 * database changes are the points after which going back means restoring data.
 */
import type { Checklist, ChecklistKnownIssue, PathVersion } from '../core/checklist/index.ts';
import { counter } from '../core/i18n/count.ts';
import { formatters } from '../core/i18n/format.ts';
import { choiceLabels, severityLabel, versionStatusLabel } from '../core/i18n/labels.ts';
import { SUPPORT_WARNING_DAYS, supportStatus } from '../core/known-issues.ts';
import { requestToParams } from '../core/run/request.ts';
import { entryUrl } from '../core/urls.ts';
import { h } from './lib/dom.ts';
import type { UpgradeContext } from './upgrade-sections.ts';

function fixLink(issue: ChecklistKnownIssue, ctx: UpgradeContext): HTMLElement | string {
  const { t, index } = ctx;
  if (!issue.fixedIn || !issue.fixedBy) return t('upgrade.known.notFixed');
  const slug = index.versions.find((v) => v.version === issue.fixedIn)?.slug;
  const text = t('upgrade.known.fixedIn', { version: issue.fixedIn, entry: issue.fixedBy });
  return slug ? h('a', { attrs: { href: entryUrl(index.base, slug, issue.fixedBy) } }, text) : text;
}

function issueItem(issue: ChecklistKnownIssue, ctx: UpgradeContext, withFix: boolean): HTMLElement {
  const { t, index, locale } = ctx;
  const modules = choiceLabels(index.modules);
  const editions = choiceLabels(index.editions);
  return h(
    'li',
    { class: 'known-issue', data: { severity: issue.severity, issue: issue.id } },
    h(
      'p',
      { class: 'known-issue-head' },
      h('span', {
        class: 'badge badge-severity',
        data: { value: issue.severity },
        text: severityLabel(locale, issue.severity),
      }),
      ' ',
      h('strong', { text: issue.title }),
      ' ',
      h('span', { class: 'muted', text: t('upgrade.known.appeared', { id: issue.id, version: issue.version }) }),
    ),
    h(
      'p',
      { class: 'muted' },
      issue.modules.length ? issue.modules.map(modules).join(', ') : t('site.knownIssues.allModules'),
      issue.editions.length ? ` · ${issue.editions.map(editions).join(', ')}` : '',
    ),
    issue.workaround
      ? h('p', null, h('span', { class: 'path-label', text: t('site.knownIssues.workaround') }), ' ', issue.workaround)
      : null,
    withFix ? h('p', null, fixLink(issue, ctx)) : null,
  );
}

/** The known issues still open in the target: blocking ones in a banner of their own, then the others. */
export function openIssuesSection(checklist: Checklist, ctx: UpgradeContext): HTMLElement {
  const { t } = ctx;
  const blocking = checklist.knownIssues.filter((i) => i.severity === 'blocking');
  const others = checklist.knownIssues.filter((i) => i.severity !== 'blocking');
  return h(
    'section',
    { class: 'path-section path-known', attrs: { 'aria-labelledby': 'path-known-title' } },
    h('h2', { id: 'path-known-title', text: t('upgrade.known.open', { version: checklist.to }) }),
    checklist.knownIssues.length === 0 ? h('p', { class: 'muted', text: t('upgrade.known.openNone') }) : null,
    blocking.length
      ? h(
          'div',
          { class: 'callout callout-error known-blocking', attrs: { role: 'note' } },
          h('p', { class: 'callout-title', text: counter(ctx.locale)('upgrade.known.blocking', blocking.length) }),
          h('ul', { class: 'known-issue-list' }, ...blocking.map((i) => issueItem(i, ctx, true))),
        )
      : null,
    others.length ? h('ul', { class: 'known-issue-list' }, ...others.map((i) => issueItem(i, ctx, true))) : null,
  );
}

/** The known issues this upgrade fixes: a reason to upgrade. */
export function fixedIssuesSection(checklist: Checklist, ctx: UpgradeContext): HTMLElement | null {
  const { t } = ctx;
  if (checklist.fixedOnPath.length === 0) return null;
  return h(
    'section',
    { class: 'path-section path-fixed', attrs: { 'aria-labelledby': 'path-fixed-title' } },
    h('h2', { id: 'path-fixed-title', text: t('upgrade.known.fixed') }),
    h('ul', { class: 'known-issue-list' }, ...checklist.fixedOnPath.map((i) => issueItem(i, ctx, true))),
  );
}

/** The lowest later version that fixes a blocking or major open issue of the target, with a link that switches to it. */
export function betterTargetBanner(checklist: Checklist, ctx: UpgradeContext): HTMLElement | null {
  const { t } = ctx;
  const better = checklist.betterTarget;
  if (!better) return null;
  const params = requestToParams({ ...checklist, to: better.version, processes: [] });
  return h(
    'section',
    { class: 'banner banner-info better-target', attrs: { 'aria-labelledby': 'better-target-title' } },
    h('h2', {
      id: 'better-target-title',
      class: 'banner-title',
      text: t('upgrade.better.title', { version: better.version }),
    }),
    h('p', {
      text: t('upgrade.better.text', {
        version: better.version,
        issues: better.fixes.join(', '),
        target: checklist.to,
      }),
    }),
    h(
      'p',
      { class: 'no-print' },
      h(
        'a',
        { class: 'button', attrs: { href: `?${params}` } },
        t('upgrade.better.switch', { version: better.version }),
      ),
    ),
  );
}

/**
 * Support warnings by the reader's date: a target whose support has ended or ends within
 * SUPPORT_WARNING_DAYS, an installed version no longer supported. Null when none applies.
 */
export function supportBanner(checklist: Checklist, ctx: UpgradeContext, today: string): HTMLElement | null {
  const { t } = ctx;
  const date = formatters(ctx.locale).date;
  const notes: string[] = [];
  const target = supportStatus(checklist.path.to, today);
  if (target.status === 'ended')
    notes.push(t('upgrade.support.targetEnded', { version: checklist.to, date: date(target.endOfSupport!) }));
  if (target.status === 'ending')
    notes.push(
      t('upgrade.support.targetEnding', {
        version: checklist.to,
        date: date(target.endOfSupport!),
        days: SUPPORT_WARNING_DAYS,
      }),
    );
  const from = checklist.path.from;
  if (from && supportStatus(from, today).status === 'ended')
    notes.push(t('upgrade.support.installedEnded', { version: from.version, date: date(from.endOfSupport!) }));
  if (notes.length === 0) return null;
  return h(
    'section',
    { class: 'banner path-support', attrs: { 'aria-labelledby': 'path-support-title' } },
    h('h2', { id: 'path-support-title', class: 'banner-title', text: t('upgrade.support.title') }),
    ...notes.map((text) => h('p', { text })),
  );
}

/**
 * The path in time: the installed version, then each version on the path with its date,
 * withdrawn ones marked, and the versions after which going back means restoring the data
 * (a change of database structure, or a change's data change).
 */
export function timelineSection(checklist: Checklist, ctx: UpgradeContext): HTMLElement {
  const { t, locale } = ctx;
  const date = formatters(locale).date;
  const tn = counter(locale);
  const database = new Map(checklist.dataChanges.filter((c) => c.kind === 'database').map((c) => [c.version, c]));
  const dataCount = new Map<string, number>();
  for (const change of checklist.dataChanges)
    if (change.kind === 'entry') dataCount.set(change.version, (dataCount.get(change.version) ?? 0) + 1);
  const step = (version: PathVersion, installed: boolean) => {
    const db = database.get(version.version);
    const data = dataCount.get(version.version) ?? 0;
    const noReturn = !installed && (db !== undefined || data > 0);
    return h(
      'li',
      {
        class: `timeline-step${noReturn ? ' timeline-no-return' : ''}`,
        data: { version: version.version, status: version.status },
      },
      h(
        'p',
        { class: 'timeline-head' },
        version.date
          ? h('time', { attrs: { datetime: version.date }, text: date(version.date) })
          : h('span', { text: t('site.version.undated') }),
        ' ',
        h('a', { attrs: { href: version.url } }, h('strong', { text: version.version })),
        installed ? h('span', { class: 'muted', text: ` ${t('upgrade.timeline.installed')}` }) : '',
        version.status === 'withdrawn'
          ? h('span', { class: 'badge badge-withdrawn', text: versionStatusLabel(locale, 'withdrawn') })
          : '',
        version.status === 'draft'
          ? h('span', { class: 'badge badge-draft', text: versionStatusLabel(locale, 'draft') })
          : '',
      ),
      db
        ? h('p', { class: 'timeline-database', text: t('upgrade.timeline.database', { from: db.from, to: db.to }) })
        : null,
      data > 0 ? h('p', { class: 'timeline-data', text: tn('upgrade.timeline.data', data) }) : null,
      noReturn ? h('p', { class: 'timeline-warning', text: t('upgrade.timeline.noReturn') }) : null,
    );
  };
  const versions = checklist.path.versions;
  return h(
    'section',
    { class: 'path-section path-timeline', attrs: { 'aria-labelledby': 'path-timeline-title' } },
    h('h2', { id: 'path-timeline-title', text: t('upgrade.timeline.title') }),
    h(
      'ol',
      { class: 'timeline', attrs: { 'aria-labelledby': 'path-timeline-title' } },
      ...(checklist.path.from ? [step(checklist.path.from, true)] : []),
      ...versions.map((v) => step(v, false)),
    ),
  );
}
