/**
 * Test-management tools think in test cases made of steps: one case per entry (its items are
 * the steps), one per open known issue (its one item) and one per process (its steps), grouped
 * in sections (the module an entry is listed under; the known issues, then the strategic
 * processes). Shared by the TestRail, Xray and Azure exports.
 */
import type { Checklist, ChecklistEntry, ChecklistItem } from '../checklist/types.ts';
import { PRIORITIES, type Locale, type Priority } from '../model.ts';
import { groupLabel } from './labels.ts';

export interface TestCase {
  /** Entry id, or null for a process. */
  entry: string | null;
  /** Process id, or null for an entry. */
  process: string | null;
  /** Known-issue id, or null. */
  knownIssue: string | null;
  /** Entry title, process label or known issue title. */
  title: string;
  /** "GES-4521 – title", "KI-12 – title", or the process label. */
  summary: string;
  /** Module id the case is listed under; null for a process or a known issue. */
  module: string | null;
  /** Label of its section. */
  section: string;
  version: string;
  /** The entry as listed in the checklist (null for a process). */
  record: ChecklistEntry | null;
  /** The most urgent priority of its steps. */
  priority: Priority;
  /** Distinct setups of its steps, in order. */
  setups: string[];
  steps: ChecklistItem[];
}

export interface TestSection {
  label: string;
  module: string | null;
  cases: TestCase[];
}

export function mostUrgent(priorities: readonly Priority[]): Priority {
  const rank = (p: Priority) => PRIORITIES.indexOf(p);
  return priorities.reduce<Priority>((best, p) => (rank(p) < rank(best) ? p : best), 'low');
}

/** Cases in checklist order: items of one entry (or process) are consecutive in a checklist. */
export function testCases(checklist: Checklist, locale: Locale): TestCase[] {
  const entries = new Map(checklist.entries.map((e) => [e.id, e]));
  const cases: TestCase[] = [];
  let current: TestCase | null = null;
  for (const item of checklist.items) {
    const same =
      current !== null &&
      current.entry === item.entry &&
      current.process === item.process &&
      current.knownIssue === item.knownIssue;
    if (!same) {
      const record = item.entry !== null ? (entries.get(item.entry) ?? null) : null;
      const reference = item.entry ?? item.knownIssue;
      current = {
        entry: item.entry,
        process: item.process,
        knownIssue: item.knownIssue,
        title: item.title,
        summary: reference !== null ? `${reference} – ${item.title}` : item.title,
        module: item.module,
        section: groupLabel(checklist, item, locale),
        version: item.version,
        record,
        priority: item.priority,
        setups: [],
        steps: [],
      };
      cases.push(current);
    }
    current!.steps.push(item);
    current!.priority = mostUrgent([current!.priority, item.priority]);
    if (item.setup && !current!.setups.includes(item.setup)) current!.setups.push(item.setup);
  }
  return cases;
}

/** Cases grouped in sections, in checklist order. */
export function testSections(checklist: Checklist, locale: Locale): TestSection[] {
  const sections: TestSection[] = [];
  for (const testCase of testCases(checklist, locale)) {
    const last = sections.at(-1);
    if (last && last.label === testCase.section && last.module === testCase.module) last.cases.push(testCase);
    else sections.push({ label: testCase.section, module: testCase.module, cases: [testCase] });
  }
  return sections;
}
