/**
 * The published JSON Schemas of the progress file and of a report's sealed data: committed as
 * `npm run schemas` makes them, and agreeing with the readers on real files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { progressFileText } from '../../../src/core/run/saved.ts';
import { reportSealData } from '../../../src/core/run/seal-report.ts';
import { signOffReport } from '../../../src/core/run/signoff.ts';
import {
  RUN_SCHEMA_NAMES,
  runSchemaFile,
  runSchemas,
  type RunSchemaName,
} from '../../../src/core/schemas/run-schemas.ts';
import { checklist, PATH_ENTRY_IDS, procedure, run } from '../run/fixture.ts';

const committed = (name: RunSchemaName) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../src/core/schemas', runSchemaFile(name)), 'utf8'),
  ) as object;
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
const validate = (name: RunSchemaName, value: unknown) => {
  const check = ajv.compile(committed(name));
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
};

describe('the JSON Schemas of run files', () => {
  it('are committed exactly as `npm run schemas` makes them', () => {
    const fresh = runSchemas();
    for (const name of RUN_SCHEMA_NAMES) expect(committed(name), name).toEqual(fresh[name]);
  });

  it('accept a progress file as the page writes it, and refuse a result with an unknown status', () => {
    const file = JSON.parse(
      progressFileText(
        [
          run({
            results: { 'GES-1#a': { status: 'failed', comment: 'KO', tester: 'Marie', rev: 'r1', base: ['r0'] } },
          }),
        ],
        { product: 'Gestan', base: '/', buildId: 'b1' },
        new Date('2026-05-21T00:00:00.000Z'),
      ),
    );
    expect(validate('progress', file)).toEqual([]);
    file.runs[0].results['GES-1#a'].status = 'done';
    expect(validate('progress', file)).toEqual([expect.stringMatching(/^\/runs\/0\/results\/GES-1#a\/status /)]);
  });

  it('accept the sealed data of a report, and refuse one with a member missing', () => {
    const c = checklist();
    const data = reportSealData(
      signOffReport({
        checklist: c,
        procedure: procedure(c),
        results: {},
        form: { environment: 'e', place: 'p', date: '2026-05-22', testers: '', decision: null, parties: [], notes: '' },
        pathEntryIds: PATH_ENTRY_IDS,
        now: new Date('2026-05-22T00:00:00.000Z'),
      }),
    );
    expect(validate('seal', data)).toEqual([]);
    const { buildId: _, ...missing } = data;
    expect(validate('seal', missing)).toEqual(["/ must have required property 'buildId'"]);
  });
});
