import type { APIRoute, GetStaticPaths } from 'astro';
import checklist from '../../core/schemas/checklist.schema.json' with { type: 'json' };
import roadbook from '../../core/schemas/roadbook.schema.json' with { type: 'json' };
import { jsonResponse } from '../../astro/responses.ts';

/** The JSON Schemas of /roadbook.json and of the checklist object (exports, `roadbook checklist --format json`). */
const SCHEMAS = { checklist, roadbook };

export const getStaticPaths = (() =>
  Object.keys(SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => jsonResponse(SCHEMAS[params.name as keyof typeof SCHEMAS]);
