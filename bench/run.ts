/**
 * `npm run bench`: generates the road books (cached in bench/out/), then for each size builds
 * roadbook and the plain Astro baseline cold, rebuilds roadbook after one change and after
 * none, times `roadbook check` and the dev preview, loads the checklist and search pages in
 * Chromium, and prints one table of medians per size.
 * Usage: node bench/run.ts [--sizes 1000,10000] [--runs 3] [--only build,check,dev,browser] [--json FILE] [--out DIR]
 */
import { writeFile } from 'node:fs/promises';
import { parseBenchArgs } from './args.ts';
import { browserRun, openBrowserBench, type BrowserRun } from './browser-bench.ts';
import { buildRun, roadbookBuild, type BuildRun } from './build-bench.ts';
import { checkRun } from './check-bench.ts';
import { devRun } from './dev-bench.ts';
import { loadLine, machineLine } from './machine.ts';
import { roadBookOf, roadbookDist, type RoadBook } from './road-books.ts';
import { format, median, renderTable, ROWS, type Group, type RowKey, type RowResult } from './table.ts';

const options = parseBenchArgs(process.argv.slice(2));
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** Runs `measure` once per run; a group that fails is reported in its rows, the others go on. */
async function repeat<T>(what: string, book: RoadBook, measure: (run: number) => Promise<T>): Promise<T[] | Error> {
  const results: T[] = [];
  try {
    for (let run = 1; run <= options.runs; run++) {
      progress(`${format.count(book.entries)} entries: ${what}, run ${run} of ${options.runs}`);
      const result = await measure(run);
      // Each run's figures as they come: a long benchmark cut short still tells something.
      progress(`  ${JSON.stringify(result)}`);
      results.push(result);
    }
    return results;
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    progress(`${format.count(book.entries)} entries: ${what} failed: ${failure.stack ?? failure.message}`);
    return failure;
  }
}

function row(key: RowKey, value: string, samples: number[]): RowResult {
  const spec = ROWS.find((r) => r.key === key)!;
  return { key, label: spec.label, goal: spec.goal, value, samples };
}

function failedRows(group: Group, error: Error): RowResult[] {
  const reason = error.message.split('\n')[0]!.replaceAll('|', '/');
  return ROWS.filter((r) => r.group === group).map((r) => row(r.key, `failed: ${reason}`, []));
}

const seconds = (key: RowKey, samples: number[]) => row(key, format.seconds(median(samples)), samples);

function buildRows(runs: BuildRun[]): RowResult[] {
  const pick = (f: (r: BuildRun) => number) => runs.map(f);
  const cold = median(pick((r) => r.cold));
  const one = median(pick((r) => r.one));
  const untouched = runs.filter((r) => r.untouched).length;
  const sameBytes = runs.filter((r) => r.sameBytes).length;
  const n = runs.length;
  return [
    seconds(
      'cold',
      pick((r) => r.cold),
    ),
    seconds(
      'baseline',
      pick((r) => r.baseline),
    ),
    row(
      'ratio',
      format.ratio(cold / median(pick((r) => r.baseline))),
      pick((r) => r.cold / r.baseline),
    ),
    row(
      'one',
      `${format.seconds(one)} (${format.ratio(one / cold)} cold)`,
      pick((r) => r.one),
    ),
    seconds(
      'none',
      pick((r) => r.none),
    ),
    row(
      'untouched',
      untouched === n
        ? `yes (${n} of ${n} runs)`
        : `no (left as it is in ${untouched} of ${n} runs; same bytes in ${sameBytes} of ${n})`,
      pick((r) => Number(r.untouched)),
    ),
    row(
      'memory',
      format.gib(median(pick((r) => r.coldPeak))),
      pick((r) => r.coldPeak),
    ),
    row(
      'baselineMemory',
      format.gib(median(pick((r) => r.baselinePeak))),
      pick((r) => r.baselinePeak),
    ),
    row(
      'dist',
      `${format.bytes(median(pick((r) => r.distBytes)))} (${format.count(runs[0]!.distFiles)} files)`,
      pick((r) => r.distBytes),
    ),
    row(
      'baselineDist',
      `${format.bytes(median(pick((r) => r.baselineBytes)))} (${format.count(runs[0]!.baselineFiles)} files)`,
      pick((r) => r.baselineBytes),
    ),
  ];
}

function browserRows(book: RoadBook, runs: BrowserRun[]): RowResult[] {
  const pick = (f: (r: BrowserRun) => number) => runs.map(f);
  const last = book.versions.at(-1)!;
  const short = book.versions[Math.min(16, book.versions.length - 1)]!;
  const path = (to: string, items: number) => `${book.versions[0]} → ${to}, ${format.count(items)} items`;
  return [
    seconds(
      'firstItem',
      pick((r) => r.firstItem),
    ),
    seconds(
      'allItems',
      pick((r) => r.allItems),
    ),
    row(
      'longBytes',
      `${format.bytes(median(pick((r) => r.longBytes)))} (${path(last, runs[0]!.longItems)})`,
      pick((r) => r.longBytes),
    ),
    row(
      'shortBytes',
      `${format.bytes(median(pick((r) => r.shortBytes)))} (${path(short, runs[0]!.shortItems)})`,
      pick((r) => r.shortBytes),
    ),
    row(
      'click',
      format.ms(median(pick((r) => r.click))),
      pick((r) => r.click),
    ),
    seconds(
      'search',
      pick((r) => r.search),
    ),
  ];
}

async function measureSize(
  entries: number,
): Promise<{ entries: number; versions: number; rows: RowResult[]; load: string }> {
  progress(`${format.count(entries)} entries: generating the road book (or reusing it) in ${options.out}`);
  const book = await roadBookOf(entries, options.out);
  const rows: RowResult[] = [];
  const only = (group: Group) => options.only.includes(group);
  const collect = <T>(group: Group, result: T[] | Error, toRows: (runs: T[]) => RowResult[]) =>
    rows.push(...(result instanceof Error ? failedRows(group, result) : toRows(result)));

  if (only('build'))
    collect('build', await repeat('cold builds and rebuilds', book, (run) => buildRun(book, run)), buildRows);
  if (only('check')) {
    collect('check', await repeat('roadbook check', book, () => checkRun(book)), (runs) => [
      seconds(
        'checkCold',
        runs.map((r) => r.cold),
      ),
      seconds(
        'checkWarm',
        runs.map((r) => r.warm),
      ),
    ]);
  }
  if (only('dev')) {
    collect('dev', await repeat('dev preview', book, (run) => devRun(book, run)), (runs) => [
      seconds(
        'devStart',
        runs.map((r) => r.start),
      ),
      seconds(
        'devEdit',
        runs.map((r) => r.edit),
      ),
    ]);
  }
  if (only('browser')) {
    const result = await (async () => {
      // Built every time: a build with nothing changed leaves the site as it is in seconds, and
      // one after roadbook's own scripts or templates changed gives the pages they make now.
      progress(`${format.count(entries)} entries: building the site the browser opens`);
      await roadbookBuild(book);
      const bench = await openBrowserBench(roadbookDist(book));
      try {
        return await repeat('checklist and search pages in Chromium', book, () =>
          browserRun(book, bench.browser, bench.server),
        );
      } finally {
        await bench.close();
      }
    })().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    collect('browser', result, (runs) => browserRows(book, runs));
  }
  return { entries, versions: book.versions.length, rows, load: loadLine() };
}

const report = {
  machine: machineLine(),
  startLoad: loadLine(),
  runs: options.runs,
  sizes: [] as Awaited<ReturnType<typeof measureSize>>[],
};
console.log(`Machine: ${report.machine}; at the start, ${report.startLoad}\n`);
for (const entries of options.sizes) {
  const size = await measureSize(entries);
  report.sizes.push(size);
  const title = `${format.count(size.entries)} entries, ${size.versions} versions: medians of ${options.runs} run${options.runs > 1 ? 's' : ''}`;
  console.log(`${renderTable(title, size.rows)}\n\nAt the end: ${size.load}\n`);
}
if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
if (report.sizes.some((s) => s.rows.some((r) => r.value.startsWith('failed')))) process.exitCode = 1;
