/**
 * `npm run schemas`: writes the JSON Schemas of content files (content-schemas.ts) and of the
 * files roadbook writes for people (file-schemas.ts) next to this file, formatted as the
 * repository formats JSON, so that they are committed as made.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { contentSchemaFile, contentSchemas, type ContentSchemaName } from './content-schemas.ts';
import { fileSchemaFile, fileSchemas, type FileSchemaName } from './file-schemas.ts';

const schemas: [string, Record<string, unknown>][] = [
  ...Object.entries(contentSchemas()).map(([name, schema]) => [contentSchemaFile(name as ContentSchemaName), schema]),
  ...Object.entries(fileSchemas()).map(([name, schema]) => [fileSchemaFile(name as FileSchemaName), schema]),
] as [string, Record<string, unknown>][];

for (const [fileName, schema] of schemas) {
  const file = fileURLToPath(new URL(fileName, import.meta.url));
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  await writeFile(file, await prettier.format(JSON.stringify(schema), options));
  console.log(`wrote ${file}`);
}
