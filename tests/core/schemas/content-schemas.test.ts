/**
 * The JSON Schemas editors read: made from check's zod definitions, committed as made, and
 * agreeing with check on the sample road book and on wrong values, read as an editor reads
 * YAML (numbers and booleans typed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SCHEMA_NAMES,
  contentSchemaFile,
  contentSchemas,
  type ContentSchemaName,
} from '../../../src/core/schemas/content-schemas.ts';

const REPO = join(import.meta.dirname, '../../..');
const SCHEMA_DIR = join(REPO, 'src/core/schemas');
const committed = (name: ContentSchemaName) =>
  JSON.parse(readFileSync(join(SCHEMA_DIR, contentSchemaFile(name)), 'utf8')) as object;

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
const validators = Object.fromEntries(CONTENT_SCHEMA_NAMES.map((name) => [name, ajv.compile(committed(name))]));

/** The messages of what `name`'s schema finds wrong in `value` ([] when it is valid). */
function problems(name: ContentSchemaName, value: unknown): string[] {
  const validate = validators[name]!;
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

const frontMatter = (path: string) => parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'))![1]!);
const yamlFile = (path: string) => parse(readFileSync(path, 'utf8'));

describe('the JSON Schemas of content files', () => {
  it('are committed exactly as `npm run schemas` makes them', () => {
    const fresh = contentSchemas();
    for (const name of CONTENT_SCHEMA_NAMES) expect(committed(name), name).toEqual(fresh[name]);
  });

  it('are wired for editors: the VS Code YAML mapping and the sample files name the same schemas', () => {
    const settings = JSON.parse(readFileSync(join(REPO, '.vscode/settings.json'), 'utf8')) as {
      'yaml.schemas': Record<string, string[]>;
    };
    const mapped = Object.entries(settings['yaml.schemas']).flatMap(([schema, files]) =>
      files.map((file) => [file, resolve(REPO, schema)]),
    );
    expect(mapped).toEqual([
      ['content/roadbook.yml', join(SCHEMA_DIR, 'roadbook-yml.schema.json')],
      ['content/processes.yml', join(SCHEMA_DIR, 'processes-yml.schema.json')],
    ]);
    for (const [file, schema] of mapped) {
      const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(join(REPO, file!), 'utf8'));
      expect(resolve(dirname(join(REPO, file!)), modeline![1]!), file).toBe(schema);
    }
  });

  it('accept the sample road book and the site fixtures', () => {
    for (const root of [
      REPO,
      join(REPO, 'tests/fixtures/site/gestan-fr'),
      join(REPO, 'tests/fixtures/site/english-base'),
    ]) {
      const content = join(root, 'content');
      expect(problems('roadbook-yml', yamlFile(join(content, 'roadbook.yml'))), root).toEqual([]);
      const versions = join(content, 'versions');
      for (const folder of readdirSync(versions)) {
        for (const file of readdirSync(join(versions, folder)).filter((f) => f.endsWith('.md'))) {
          const path = join(versions, folder, file);
          expect(problems(file === 'index.md' ? 'version' : 'entry', frontMatter(path)), path).toEqual([]);
        }
      }
    }
    expect(problems('processes-yml', yamlFile(join(REPO, 'content/processes.yml')))).toEqual([]);
  });

  it('accept what check reads as text: numbers, booleans, one value for a list', () => {
    expect(
      problems('version', { date: '2026-10-14', database: 15, minimumFrom: 15.0, installer: { file: 'x', size: 12 } }),
    ).toEqual([]);
    expect(
      problems('entry', {
        title: 'T',
        type: 'correction',
        modules: 'facturation',
        tickets: 4521,
        breaking: false,
        verify: 'Une étape',
      }),
    ).toEqual([]);
    expect(
      problems('roadbook-yml', { modules: ['facturation', { id: 'ventes', label: 'Ventes' }], locale: 'en' }),
    ).toEqual([]);
  });

  it.each<[ContentSchemaName, unknown, string]>([
    ['roadbook-yml', { locale: 'de' }, '/locale must be equal to one of the allowed values'],
    ['roadbook-yml', { titel: 'Road book' }, '/ must NOT have additional properties'],
    ['roadbook-yml', { modules: [{ id: 'sans label' }] }, '/modules must match a schema in anyOf'],
    ['processes-yml', [{ id: 'p', label: 'P', steps: [] }], '/0/steps must match a schema in anyOf'],
    ['version', { status: 'publié' }, '/status must be equal to one of the allowed values'],
    ['version', { date: '14/10/2026' }, '/date must match pattern "^\\d{4}-\\d{2}-\\d{2}$"'],
    ['version', { installer: { sha256: 'abc' } }, "/installer must have required property 'file'"],
    ['entry', { type: 'correction', modules: ['facturation'] }, "/ must have required property 'title'"],
    [
      'entry',
      { title: 'T', type: 'correction', modules: { facturation: 'oui' } },
      '/modules must match a schema in anyOf',
    ],
    [
      'entry',
      { title: 'T', type: 'correction', modules: 'm', verify: [{ step: 'S', priority: 'urgent' }] },
      '/verify must match a schema in anyOf',
    ],
    [
      'entry',
      { id: 'GES 1', title: 'T', type: 'correction', modules: 'm' },
      '/id must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"',
    ],
  ])('%s rejects %j', (name, value, expected) => {
    expect(problems(name, value)).toContain(expected);
  });
});
