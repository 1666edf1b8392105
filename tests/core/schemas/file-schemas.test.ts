/** The JSON Schema of the assignment file: committed as made, and agreeing with its reader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { assignmentFileText, makeAssignment } from '../../../src/core/run/assignment.ts';
import { FILE_SCHEMA_NAMES, fileSchemaFile, fileSchemas } from '../../../src/core/schemas/file-schemas.ts';
import { run, SCOPE } from '../run/fixture.ts';

const SCHEMA_DIR = join(import.meta.dirname, '../../../src/core/schemas');
const committed = (name: (typeof FILE_SCHEMA_NAMES)[number]) =>
  JSON.parse(readFileSync(join(SCHEMA_DIR, fileSchemaFile(name)), 'utf8')) as object;

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

describe('the JSON Schemas of files people pass around', () => {
  it('are committed exactly as `npm run schemas` makes them', () => {
    const fresh = fileSchemas();
    for (const name of FILE_SCHEMA_NAMES) expect(committed(name), name).toEqual(fresh[name]);
  });

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
