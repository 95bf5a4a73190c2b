// The text of types/api.generated.ts for an OpenAPI document: one function, used by generate-api-types.mjs to
// write the file and by project/test/contract/openapi-status.spec.ts to find it stale.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

export const API_TYPES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../types/api.generated.ts');

const BANNER =
  "// Generated from the API's OpenAPI document by scripts/generate-api-types.mjs: do not edit.\n" +
  '// Regenerate with `npm run api:types -w my-app`.\n\n';

/** @param {object} document the API's OpenAPI document (GET /api/docs-json) */
export async function renderApiTypes(document) {
  // defaultNonNullable off: a request field with a default (a trigger's `enabled`) stays optional to send.
  const ast = await openapiTS(document, { exportType: true, alphabetize: true, defaultNonNullable: false });
  const options = await prettier.resolveConfig(API_TYPES_FILE);
  return prettier.format(BANNER + astToString(ast), { ...options, filepath: API_TYPES_FILE });
}
