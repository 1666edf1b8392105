/**
 * The JSON Schemas of the files a run travels in, made from the zod definitions that read
 * them: the progress file (run/schema.ts, with each result's shape, which the reader checks
 * one by one), the assignment of a team run (run/assignment.ts) and the sealed data of a
 * sign-off report (run/verify-report.ts). `npm run
 * schemas` writes them next to this file; the site publishes them under /schemas/.
 * Refinements (an ISO 8601 date-time, an id's characters) are checked by the reader only.
 */
import * as z from 'zod/mini';
import { assignmentFileSchema } from '../run/assignment.ts';
import { progressFileSchema, resultSchema, runEnvelopeSchema } from '../run/schema.ts';
import { sealDataSchema } from '../run/read-sealed-report.ts';

type JsonSchema = Record<string, unknown>;

/** The progress file with its results described (the reader keeps the good ones of a file with a bad one). */
const progressWithResults = z.extend(progressFileSchema, {
  runs: z.array(z.extend(runEnvelopeSchema, { results: z.record(z.string(), resultSchema) })),
});

const RUN_SCHEMAS = [
  {
    name: 'progress',
    title: 'roadbook: a progress file (format roadbook-progress)',
    description: 'Runs of the checklist page exported by a tester (docs/checklist.md, "The progress file").',
    schema: progressWithResults,
    closed: false,
  },
  {
    name: 'assignment',
    title: 'roadbook: the assignment of a team run',
    description:
      'Items of a run given to one tester, by module, by group and item by item (docs/checklist.md, "The assignment file").',
    schema: assignmentFileSchema,
    // Written by roadbook only, read strictly: a field the format does not define is a mistake.
    closed: true,
  },
  {
    name: 'seal',
    title: 'roadbook: the sealed data of a sign-off report',
    description:
      'What the seal of a sign-off report is the SHA-256 of, as canonical JSON (docs/checklist.md, "The seal").',
    schema: sealDataSchema,
    closed: false,
  },
] as const;

export type RunSchemaName = (typeof RUN_SCHEMAS)[number]['name'];

export const RUN_SCHEMA_NAMES = RUN_SCHEMAS.map((s) => s.name);

/** The file the schema of `name` is kept in, next to this module. */
export function runSchemaFile(name: RunSchemaName): string {
  return `${name}.schema.json`;
}

/**
 * Every run schema, by name: zod's JSON Schema of what the reader accepts, titled; a closed
 * format's objects allow no property it does not define.
 */
export function runSchemas(): Record<RunSchemaName, JsonSchema> {
  return Object.fromEntries(
    RUN_SCHEMAS.map(({ name, title, description, schema, closed }) => {
      const { $schema, ...rest } = z.toJSONSchema(schema, {
        io: 'input',
        unrepresentable: 'throw',
        override: ({ jsonSchema }) => {
          if (closed && jsonSchema.type === 'object') jsonSchema.additionalProperties = false;
        },
      }) as JsonSchema;
      const described: JsonSchema = { $schema, title, description, ...rest };
      return [name, described];
    }),
  ) as Record<RunSchemaName, JsonSchema>;
}
