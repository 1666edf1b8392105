/** The JSON Schema of the assignment file agrees with its reader (run-schemas.test.ts checks it is committed as made). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { assignmentFileText, makeAssignment } from '../../../src/core/run/assignment.ts';
import { runSchemaFile } from '../../../src/core/schemas/run-schemas.ts';
import { run, SCOPE } from '../run/fixture.ts';

const SCHEMA_DIR = join(import.meta.dirname, '../../../src/core/schemas');
const committed = (name: 'assignment') =>
  JSON.parse(readFileSync(join(SCHEMA_DIR, runSchemaFile(name)), 'utf8')) as object;

const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(committed('assignment'));

const file = () =>
  JSON.parse(
    assignmentFileText(
      makeAssignment(
        run(),
        'Marie',
        { modules: ['facturation'], groups: ['@processes'], items: ['GES-300#arrondi'] },
        new Date('2026-05-21T08:00:00Z'),
      ),
      SCOPE,
    ),
  );

describe('the JSON Schema of the assignment file', () => {
  it('accept the assignment file roadbook writes', () => {
    expect(validate(file()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reject an assignment without a tester, of another format, or with a field the format does not define', () => {
    const { tester: _tester, ...noTester } = file();
    expect(validate(noTester)).toBe(false);
    expect(validate({ ...file(), format: 'roadbook-progress' })).toBe(false);
    expect(validate({ ...file(), extra: 1 })).toBe(false);
    expect(validate({ ...file(), assigned: { ...file().assigned, items: [''] } })).toBe(false);
  });
});
