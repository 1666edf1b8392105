/**
 * `npm run schemas`: writes the JSON Schemas of content files (content-schemas.ts) next to
 * this file, formatted as the repository formats JSON, so that they are committed as made.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { contentSchemaFile, contentSchemas, type ContentSchemaName } from './content-schemas.ts';

for (const [name, schema] of Object.entries(contentSchemas())) {
  const file = fileURLToPath(new URL(contentSchemaFile(name as ContentSchemaName), import.meta.url));
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  await writeFile(file, await prettier.format(JSON.stringify(schema), options));
  console.log(`wrote ${file}`);
}
