/**
 * Validates a SARIF log against the official SARIF 2.1.0 JSON Schema (a draft-04 schema, hence
 * ajv-draft-04, with ajv-formats). The schema file is a copy of sarif-2.1/schema/sarif-schema-2.1.0.json from the
 * public oasis-tcs/sarif-spec repository (see tests/fixtures/sarif/README.md).
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
// strict: false, because the official schema uses keywords ajv's strict mode refuses; the
// formats (uri, uri-reference, date-time) are checked, not ignored.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about `log`, as readable lines; empty when it is valid. */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
