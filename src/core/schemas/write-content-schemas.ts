/**
 * `npm run schemas`: writes the JSON Schemas of content files (content-schemas.ts) and of the
 * files a run travels in (run-schemas.ts) next to this file, formatted as the repository formats JSON, so that they are committed as made.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { contentSchemaFile, contentSchemas, type ContentSchemaName } from './content-schemas.ts';
import { runSchemaFile, runSchemas, type RunSchemaName } from './run-schemas.ts';

for (const [name, schema] of Object.entries(contentSchemas())) {
  const file = fileURLToPath(new URL(contentSchemaFile(name as ContentSchemaName), import.meta.url));
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  await writeFile(file, await prettier.format(JSON.stringify(schema), options));
  console.log(`wrote ${file}`);
}

for (const [name, schema] of Object.entries(runSchemas())) {
  const file = fileURLToPath(new URL(runSchemaFile(name as RunSchemaName), import.meta.url));
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  await writeFile(file, await prettier.format(JSON.stringify(schema), options));
  console.log(`wrote ${file}`);
}
