/**
 * TestRail XML import (checklist.md, "Exports"): a `<section>` per module with its `<name>`,
 * a `<case>` per entry with `<title>`, `<template>Test Case (Steps)</template>`, `<priority>`,
 * `<references>` (entry id, tickets) and, in `<custom>`, `<preconds>` (the setups) and
 * `<steps_separated>` (`<step><index/><content/><expected/></step>` per item), as TestRail's
 * own XML export writes them. The open known issues of the target are a section of their own
 * (a case each, referenced by the issue id), the strategic processes the last one.
 *
 * Priorities are TestRail's default priority names, which its import matches by name:
 * critical → Critical, high → High, normal → Medium, low → Low.
 */
import type { RunResults } from '../checklist/progress.ts';
import type { Checklist } from '../checklist/types.ts';
import type { Priority } from '../model.ts';
import { testSections } from './cases.ts';
import { localeOf, stepWithMenu, type ExportOptions } from './labels.ts';
import { xmlBuilder } from './xml.ts';

export const TESTRAIL_PRIORITIES: Record<Priority, string> = {
  critical: 'Critical',
  high: 'High',
  normal: 'Medium',
  low: 'Low',
};

export const TESTRAIL_TEMPLATE = 'Test Case (Steps)';

/** TestRail's XML; run results are not part of a case import and are ignored. */
export function exportTestRail(checklist: Checklist, _results?: RunResults, options?: ExportOptions): string {
  const locale = localeOf(checklist, options);
  const section = testSections(checklist, locale).map((s) => ({
    name: s.label,
    cases: {
      case: s.cases.map((c) => ({
        title: c.summary,
        template: TESTRAIL_TEMPLATE,
        priority: TESTRAIL_PRIORITIES[c.priority],
        references: [
          ...(c.entry ? [c.entry] : []),
          ...(c.knownIssue ? [c.knownIssue] : []),
          ...(c.record?.tickets ?? []),
        ].join(', '),
        custom: {
          preconds: c.setups.join('\n'),
          steps_separated: {
            step: c.steps.map((item, i) => ({
              index: i + 1,
              content: stepWithMenu(item, locale),
              expected: item.expect ?? '',
            })),
          },
        },
      })),
    },
  }));
  const builder = xmlBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, sections: { section } });
}
