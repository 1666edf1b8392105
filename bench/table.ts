/**
 * The benchmark's table: one row per figure of the performance statement, with its goal.
 * Each group of rows is measured by one part of the benchmark (--only picks groups).
 */
export const GROUPS = ['build', 'check', 'dev', 'browser'] as const;
export type Group = (typeof GROUPS)[number];

export interface RowSpec {
  key: string;
  group: Group;
  label: string;
  goal: string;
}

export const ROWS = [
  { key: 'cold', group: 'build', label: 'cold build, roadbook (check + pages + search)', goal: '' },
  { key: 'baseline', group: 'build', label: 'cold build, Astro baseline (Markdown + pagefind)', goal: '' },
  { key: 'ratio', group: 'build', label: 'cold build, roadbook / Astro baseline', goal: '≤ 1.0×' },
  { key: 'one', group: 'build', label: "rebuild, one entry's body changed", goal: '≤ 0.25× cold' },
  { key: 'none', group: 'build', label: 'rebuild, nothing changed', goal: '≤ 3 s' },
  { key: 'untouched', group: 'build', label: 'rebuild, nothing changed: dist/ left as it is', goal: 'yes' },
  {
    key: 'memory',
    group: 'build',
    label: 'peak memory of a cold build, roadbook',
    goal: '≤ 1.5 GiB at 10k, ≤ 2 GiB at 20k',
  },
  { key: 'baselineMemory', group: 'build', label: 'peak memory of a cold build, Astro baseline', goal: '' },
  { key: 'dist', group: 'build', label: 'dist size, roadbook', goal: '≤ 80 MB at 10k' },
  { key: 'baselineDist', group: 'build', label: 'dist size, Astro baseline', goal: '' },
  { key: 'checkCold', group: 'check', label: '`roadbook check`, cold', goal: '≤ 3 s' },
  { key: 'checkWarm', group: 'check', label: '`roadbook check`, warm', goal: '≤ 0.5 s' },
  { key: 'devStart', group: 'dev', label: 'dev preview: start until pages are served', goal: '≤ 6 s' },
  { key: 'devEdit', group: 'dev', label: 'dev preview: edit until visible', goal: '≤ 1 s' },
  { key: 'firstItem', group: 'browser', label: 'checklist page, longest path: first item shown', goal: '≤ 0.5 s' },
  { key: 'allItems', group: 'browser', label: 'checklist page, longest path: all items shown', goal: '≤ 3 s' },
  { key: 'longBytes', group: 'browser', label: 'checklist page, longest path: bytes', goal: '≤ 5 MB' },
  {
    key: 'shortBytes',
    group: 'browser',
    label: 'checklist page, a 17-version path: bytes',
    goal: '≤ 600 KB before compression',
  },
  { key: 'click', group: 'browser', label: 'a status click on the longest run, until painted', goal: '≤ 50 ms' },
  { key: 'search', group: 'browser', label: 'search: first result after typing', goal: '≤ 1 s' },
] as const satisfies readonly RowSpec[];

export type RowKey = (typeof ROWS)[number]['key'];

/** What was measured for a row: its samples (one per run) and their median, as shown. */
export interface RowResult {
  key: RowKey;
  label: string;
  value: string;
  goal: string;
  samples: number[];
}

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const format = {
  seconds: (s: number) => (s < 1 ? `${Math.round(s * 1000)} ms` : `${s.toFixed(1)} s`),
  ms: (ms: number) => `${ms.toFixed(1)} ms`,
  ratio: (r: number) => `${r.toFixed(2)}×`,
  gib: (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`,
  bytes: (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(0)} KB` : `${(bytes / 1e6).toFixed(1)} MB`),
  count: (n: number) => n.toLocaleString('en-US'),
};

/** A Markdown table of the rows measured, in the statement's order. */
export function renderTable(title: string, rows: readonly RowResult[]): string {
  const lines = [`### ${title}`, '', '| what | median | goal |', '| --- | --- | --- |'];
  for (const spec of ROWS) {
    const row = rows.find((r) => r.key === spec.key);
    if (row) lines.push(`| ${row.label} | ${row.value} | ${row.goal || '—'} |`);
  }
  return lines.join('\n');
}
