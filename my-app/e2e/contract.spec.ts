import { expect, test } from '@playwright/test';
import { CONTRACT } from '../types/contract';

interface OpenApiSchema {
  properties?: Record<string, unknown>;
  allOf?: { $ref?: string; properties?: Record<string, unknown> }[];
}
type Schemas = Record<string, OpenApiSchema>;

function propertiesOf(schemas: Schemas, name: string): string[] {
  const schema = schemas[name];
  if (!schema) return [];
  const own = Object.keys(schema.properties ?? {});
  const inherited = (schema.allOf ?? []).flatMap((part) =>
    part.$ref ? propertiesOf(schemas, part.$ref.split('/').pop()!) : Object.keys(part.properties ?? {}),
  );
  return [...new Set([...own, ...inherited])];
}

test.describe('types/sms.ts and types/crm.ts match the API (OpenAPI at /api/docs-json)', () => {
  let schemas: Schemas = {};

  test.beforeAll(async ({ request }) => {
    const res = await request.get('/api/docs-json');
    expect(res.ok(), `GET /api/docs-json: ${res.status()}`).toBeTruthy();
    schemas = ((await res.json()) as { components?: { schemas?: Schemas } }).components?.schemas ?? {};
  });

  for (const [typeName, entry] of Object.entries(CONTRACT)) {
    test(typeName, () => {
      const schemaName = entry.schemas.find((s) => s in schemas);
      // Documented now: the entry's `undocumented` note is stale and should go.
      if (entry.undocumented && schemaName)
        throw new Error(`${typeName}: ${schemaName} is documented now; drop "undocumented"`);
      test.skip(!!entry.undocumented, entry.undocumented);
      expect(schemaName, `none of ${entry.schemas.join(', ')} is in the OpenAPI document`).toBeDefined();
      const api = propertiesOf(schemas, schemaName!);
      const notInApi = entry.keys.filter((k) => !api.includes(k));
      expect(notInApi, `${typeName} has fields ${schemaName} does not`).toEqual([]);
      if (entry.direction === 'response') {
        const notInType = api.filter((k) => !entry.keys.includes(k));
        expect(notInType, `${schemaName} has fields ${typeName} lacks`).toEqual([]);
      }
    });
  }
});
