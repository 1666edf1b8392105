/**
 * The sign-off report as JUnit XML (checklist.md, "Statuses" and "Sign-off report"), the
 * results format TestRail (trcli), Xray, Azure DevOps and CI servers import: a `testsuite`
 * per group of the report (the procedure steps before the tests, each module, each process),
 * a `testcase` per item with `classname` = the entry id (`process:<id>` for a process step,
 * `known:<id>` for the item of a known issue, `procedure` for a procedure step) and `name` =
 * item id within it and step.
 *
 *   passed   no child            failed   <failure message="comment">
 *   blocked  <skipped message="blocked: comment">
 *   retest   <skipped>           na       <skipped message="n/a: comment">
 *   untested <skipped message="untested"> (the table has no JUnit status for it; the item is
 *            written all the same, so a report never hides an item that was not run)
 *
 * Tester, time, defect and the item's content hash go in `<system-out>`; a result carried over
 * from an earlier run (checklist.md, "Carrying results over") gets `<properties>` of its own
 * testcase: `carriedFrom` (the run's id), `carriedFromName` and `carriedFromDate` (when it was
 * recorded there), the testcase properties Xray and GitLab read; the path, decision,
 * build id and seal are `<properties>` of every suite. Durations are not measured: `time="0"`.
 * Text is written so that a parser reads back what the tester typed, leading tab and line
 * breaks included: character references in attributes, CDATA for `failure` and `system-out`.
 */
import { xmlBuilder, xmlCdata } from '../export/xml.ts';
import { isKnownIssueItem, parseItemId, processGroupKey } from '../item-id.ts';
import type { ReportGroup, ReportItem, SignOffReport } from './signoff.ts';

function classname(item: ReportItem): string {
  if (item.entry !== null) return item.entry;
  if (item.process !== null) return processGroupKey(item.process);
  if (isKnownIssueItem(item.id)) return item.id;
  return 'procedure';
}

function caseName(item: ReportItem): string {
  return `${parseItemId(item.id).key} – ${item.step}`;
}

function outcome(item: ReportItem): Record<string, unknown> {
  const comment = item.comment;
  switch (item.status) {
    case 'passed':
      return {};
    case 'failed':
      return { failure: { '@_message': comment, '@_type': 'failed', ...xmlCdata(comment) } };
    case 'blocked':
      return { skipped: { '@_message': `blocked: ${comment}` } };
    case 'na':
      return { skipped: { '@_message': `n/a: ${comment}` } };
    case 'retest':
      return { skipped: '' };
    case 'untested':
      return { skipped: { '@_message': 'untested' } };
  }
}

function systemOut(item: ReportItem): Record<string, string> {
  const lines = [
    `item: ${item.id}`,
    item.tester && `tester: ${item.tester}`,
    item.time && `time: ${item.time}`,
    item.defect && `defect: ${item.defect}`,
    item.comment && item.status !== 'failed' && `comment: ${item.comment}`,
    `hash: ${item.hash}`,
    item.changed ? 'changed-since: true' : '',
  ];
  return xmlCdata(lines.filter(Boolean).join('\n'));
}

/** The testcase's own properties: where a carried result came from; none for a result executed here. */
function caseProperties(item: ReportItem): Record<string, unknown> {
  const from = item.carriedFrom;
  if (!from) return {};
  const property = [
    ['carriedFrom', from.run],
    ['carriedFromName', from.name],
    ['carriedFromDate', from.date],
  ].map(([name, value]) => ({ '@_name': name, '@_value': value }));
  return { properties: { property } };
}

function tally(items: readonly ReportItem[]) {
  return {
    tests: items.length,
    failures: items.filter((i) => i.status === 'failed').length,
    skipped: items.filter((i) => i.status !== 'passed' && i.status !== 'failed').length,
  };
}

export function signOffJunit(report: SignOffReport): string {
  const properties = {
    property: [
      ['product', report.product],
      ['from', report.from ?? ''],
      ['to', report.to],
      ['versions', report.versions.join(', ')],
      ['environment', report.environment],
      ['decision', report.decision ?? ''],
      ['buildId', report.buildId ?? ''],
      ['date', report.date],
      // Present once computed (seal-report.ts): the same seal as the other formats of the report.
      ...(report.seal ? [['seal', report.seal]] : []),
    ].map(([name, value]) => ({ '@_name': name, '@_value': value! })),
  };
  const suite = (group: ReportGroup, index: number) => {
    const t = tally(group.items);
    return {
      '@_name': group.label,
      '@_id': index,
      '@_tests': t.tests,
      '@_failures': t.failures,
      '@_errors': 0,
      '@_skipped': t.skipped,
      '@_time': 0,
      '@_timestamp': report.generated.replace(/\.\d+Z$/, ''),
      properties,
      testcase: group.items.map((item) => ({
        '@_classname': classname(item),
        '@_name': caseName(item),
        '@_time': 0,
        ...caseProperties(item),
        ...outcome(item),
        'system-out': systemOut(item),
      })),
    };
  };
  const all = tally(report.groups.flatMap((g) => g.items));
  // Not indented: the failure and system-out texts are written exactly (see `xmlCdata`).
  const builder = xmlBuilder({ attributeNamePrefix: '@_', suppressEmptyNode: true });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': report.title,
      '@_tests': all.tests,
      '@_failures': all.failures,
      '@_errors': 0,
      '@_skipped': all.skipped,
      '@_time': 0,
      testsuite: report.groups.map(suite),
    },
  });
}
