import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { GROUPS, type Group } from './table.ts';

export interface BenchOptions {
  sizes: number[];
  runs: number;
  only: Group[];
  json: string | null;
  /** Where the generated road books (and their sites) are kept between runs. */
  out: string;
}

const DEFAULT_OUT = fileURLToPath(new URL('./out/', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** The benchmark's flags; a bad one stops it with a one-line reason. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: '1000,10000' },
        runs: { type: 'string', default: '3' },
        only: { type: 'string', default: GROUPS.join(',') },
        json: { type: 'string' },
        out: { type: 'string', default: DEFAULT_OUT },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    fail(`--sizes takes entry counts such as 1000,10000, not "${values.sizes}"`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs takes a number of runs (1 or more), not "${values.runs}"`);
  const only = values.only.split(',') as Group[];
  const unknown = only.filter((g) => !GROUPS.includes(g));
  if (unknown.length) fail(`--only takes ${GROUPS.join(', ')}; unknown: ${unknown.join(', ')}`);
  return { sizes, runs, only, json: values.json ? resolve(values.json) : null, out: resolve(values.out) };
}
