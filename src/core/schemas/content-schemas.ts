/**
 * The JSON Schemas of the files writers edit (roadbook.yml, processes.yml, a version's and an
 * entry's front matter), made from the zod definitions `check` uses, so an editor that reads
 * JSON Schema completes and flags what `check` would. `npm run schemas` writes them next to
 * this file; the site publishes them under /schemas/.
 */
import * as z from 'zod';
import { configSchema } from '../read/config.ts';
import { entryFrontMatterSchema } from '../read/entry-schema.ts';
import { processSchema } from '../read/processes.ts';
import { versionFrontMatterSchema } from '../read/version-index.ts';

type JsonSchema = Record<string, unknown>;

/** Each schema: its file name stem, what it describes, and the zod definition it is made from. */
const CONTENT_SCHEMAS = [
  {
    name: 'roadbook-yml',
    title: 'roadbook: content/roadbook.yml',
    description: 'Product and site settings of the road book (docs/content-format.md, "roadbook.yml").',
    schema: configSchema,
  },
  {
    name: 'processes-yml',
    title: 'roadbook: content/processes.yml',
    description: 'The catalogue of strategic business processes (docs/content-format.md, "processes.yml").',
    schema: z.array(processSchema),
  },
  {
    name: 'version',
    title: "roadbook: a version's front matter (content/versions/<version>/index.md)",
    description: 'What index.md says of its version (docs/content-format.md, "Version").',
    schema: versionFrontMatterSchema,
  },
  {
    name: 'entry',
    title: "roadbook: an entry's front matter (content/versions/<version>/<file>.md)",
    description: 'One change of the road book (docs/content-format.md, "Entry").',
    schema: entryFrontMatterSchema,
  },
] as const;

export type ContentSchemaName = (typeof CONTENT_SCHEMAS)[number]['name'];

export const CONTENT_SCHEMA_NAMES = CONTENT_SCHEMAS.map((s) => s.name);

/** The file the schema of `name` is kept in, next to this module. */
export function contentSchemaFile(name: ContentSchemaName): string {
  return `${name}.schema.json`;
}

/**
 * Every content schema, by name. Two rules of the contract are applied to zod's output (its
 * input side, before transforms), the same for every field:
 * - a scalar is read as the text it was written as, while an editor's YAML parser types
 *   `15`, `15.3` and `true` as numbers and booleans: a text field accepts those too;
 * - keys the contract does not define are reported: objects allow no other property.
 */
export function contentSchemas(): Record<ContentSchemaName, JsonSchema> {
  return Object.fromEntries(
    CONTENT_SCHEMAS.map(({ name, title, description, schema }) => {
      const json: JsonSchema = z.toJSONSchema(schema, {
        io: 'input',
        unrepresentable: 'throw',
        override: ({ jsonSchema }) => {
          if (jsonSchema.type === 'string' && jsonSchema.enum === undefined) {
            jsonSchema.type = ['string', 'number', 'boolean'] as unknown as 'string';
          }
          if (jsonSchema.type === 'object') jsonSchema.additionalProperties = false;
        },
      });
      const { $schema, ...rest } = json;
      const described: JsonSchema = { $schema, title, description, ...rest };
      return [name, described];
    }),
  ) as Record<ContentSchemaName, JsonSchema>;
}
