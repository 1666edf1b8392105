/**
 * The JSON Schema of the checklist object, checked against real engine output. No JSON Schema
 * validator is a dependency: zod 4's `z.fromJSONSchema` turns the schema into a zod schema
 * (draft 2020-12, local `$ref`s, `oneOf`, `const`, `additionalProperties: false`).
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import schema from '../../../src/core/schemas/checklist.schema.json' with { type: 'json' };
import { buildChecklist, type Checklist, type ChecklistRequest } from '../../../src/core/checklist/index.ts';
import { exportJson } from '../../../src/core/export/json.ts';
import { fixtureSource } from '../../fixtures/checklist/road-book.ts';

const validator = z.fromJSONSchema(schema as unknown as Parameters<typeof z.fromJSONSchema>[0]);

const REQUESTS: ChecklistRequest[] = [
  {
    from: '14.0.0',
    to: '16.0.0',
    processes: ['cloture', { id: 'maison', label: 'Maison', modules: [], steps: ['A'] }],
  },
  { from: '15.2.0', to: '15.3.0', modules: ['comptabilite'], editions: ['standard'] },
  { to: '15.2.0' },
];

function checklists(): Checklist[] {
  return [
    ...REQUESTS.map((r) => buildChecklist(fixtureSource(), r)),
    buildChecklist(fixtureSource({ includeDrafts: true, locale: 'en', buildId: null }), {
      from: '15.3.0',
      to: '15.4.0',
    }),
  ];
}

describe('checklist JSON Schema', () => {
  it('is draft 2020-12', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(checklists().map((c) => [`${c.from ?? '—'} → ${c.to}`, c] as const))(
    'accepts the checklist %s as exported',
    (_name, checklist) => {
      const parsed = validator.safeParse(JSON.parse(exportJson(checklist)));
      expect(parsed.error?.issues ?? []).toEqual([]);
    },
  );

  it('accepts an export with results', () => {
    const checklist = checklists()[0]!;
    const json = exportJson(checklist, {
      [checklist.items[0]!.id]: {
        status: 'failed',
        comment: 'KO',
        tester: 'Marie',
        time: '2026-05-20T14:03:00Z',
        hash: 'x',
      },
    });
    expect(validator.safeParse(JSON.parse(json)).success).toBe(true);
  });

  it('rejects what is not a checklist', () => {
    const checklist = JSON.parse(exportJson(checklists()[0]!));
    expect(validator.safeParse({ ...checklist, extra: 1 }).success).toBe(false);
    expect(validator.safeParse({ ...checklist, schema: 2 }).success).toBe(false);
    const badItem = { ...checklist, items: [{ ...checklist.items[0], priority: 'urgent' }] };
    expect(validator.safeParse(badItem).success).toBe(false);
    const { items: _items, ...noItems } = checklist;
    expect(validator.safeParse(noItems).success).toBe(false);
  });

  it('lists exactly the fields the engine writes', () => {
    const checklist = checklists()[0]!;
    expect(
      Object.keys(schema.properties)
        .filter((k) => k !== 'results' && k !== 'arrangement')
        .sort(),
    ).toEqual(Object.keys(checklist).sort());
    expect(Object.keys(schema.$defs.item.properties).sort()).toEqual(Object.keys(checklist.items[0]!).sort());
    expect(Object.keys(schema.$defs.entry.properties).sort()).toEqual(Object.keys(checklist.entries[0]!).sort());
  });

  it('describes every field', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      // A list of plain strings is described by the list.
      const plainListItem = path.endsWith('[]') && Object.keys(n).join() === 'type' && n.type === 'string';
      if (!('$ref' in n) && !plainListItem && typeof n.description !== 'string') missing.push(path);
      for (const [key, child] of Object.entries((n.properties as object) ?? {})) walk(child, `${path}.${key}`);
      for (const [key, child] of Object.entries((n.$defs as object) ?? {})) walk(child, `${path}#${key}`);
      if (n.items) walk(n.items, `${path}[]`);
      if (typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${path}{}`);
      for (const [i, child] of ((n.oneOf as unknown[]) ?? []).entries()) walk(child, `${path}|${i}`);
    };
    walk(schema, '$');
    expect(missing).toEqual([]);
  });
});
