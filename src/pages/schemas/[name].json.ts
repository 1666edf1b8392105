import type { APIRoute, GetStaticPaths } from 'astro';
import checklist from '../../core/schemas/checklist.schema.json' with { type: 'json' };
import entry from '../../core/schemas/entry.schema.json' with { type: 'json' };
import processesYml from '../../core/schemas/processes-yml.schema.json' with { type: 'json' };
import progress from '../../core/schemas/progress.schema.json' with { type: 'json' };
import roadbook from '../../core/schemas/roadbook.schema.json' with { type: 'json' };
import roadbookYml from '../../core/schemas/roadbook-yml.schema.json' with { type: 'json' };
import seal from '../../core/schemas/seal.schema.json' with { type: 'json' };
import version from '../../core/schemas/version.schema.json' with { type: 'json' };
import { jsonResponse } from '../../astro/responses.ts';

/**
 * The JSON Schemas of /roadbook.json and of the checklist object (exports, `roadbook checklist
 * --format json`), those of the files writers edit, of the progress file and of a sign-off
 * report's sealed data (made by `npm run schemas`).
 */
const SCHEMAS = {
  checklist,
  roadbook,
  'roadbook-yml': roadbookYml,
  'processes-yml': processesYml,
  version,
  entry,
  progress,
  seal,
};

export const getStaticPaths = (() =>
  Object.keys(SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => jsonResponse(SCHEMAS[params.name as keyof typeof SCHEMAS]);
