/**
 * The JSON Schemas of files roadbook writes for people to pass around (docs/checklist.md):
 * for now the assignment of a team run. Made from the zod definition its reader uses, so the
 * schema and the reader cannot disagree; `npm run schemas` writes them next to this file.
 */
import * as z from 'zod';
import { assignmentFileSchema } from '../run/assignment.ts';

type JsonSchema = Record<string, unknown>;

const FILE_SCHEMAS = [
  {
    name: 'assignment',
    title: 'roadbook: the assignment of a team run',
    description:
      'Items of a run given to one tester, by module, by group and item by item (docs/checklist.md, "The assignment file").',
    schema: assignmentFileSchema,
  },
] as const;

export type FileSchemaName = (typeof FILE_SCHEMAS)[number]['name'];

export const FILE_SCHEMA_NAMES = FILE_SCHEMAS.map((s) => s.name);

/** The file the schema of `name` is kept in, next to this module. */
export function fileSchemaFile(name: FileSchemaName): string {
  return `${name}.schema.json`;
}

/** Every file schema, by name; objects allow no property the format does not define. */
export function fileSchemas(): Record<FileSchemaName, JsonSchema> {
  return Object.fromEntries(
    FILE_SCHEMAS.map(({ name, title, description, schema }): [FileSchemaName, JsonSchema] => {
      const json: JsonSchema = z.toJSONSchema(schema, {
        io: 'input',
        unrepresentable: 'throw',
        override: ({ jsonSchema }) => {
          if (jsonSchema.type === 'object') jsonSchema.additionalProperties = false;
        },
      });
      const { $schema, ...rest } = json;
      return [name, { $schema, title, description, ...rest }];
    }),
  ) as Record<FileSchemaName, JsonSchema>;
}
