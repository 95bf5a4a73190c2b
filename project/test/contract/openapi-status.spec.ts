import { HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
// @nestjs/swagger keeps its metadata key in dist/constants (not exported): API_RESPONSE.
const API_RESPONSE = 'swagger/apiResponse';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../../../my-app/scripts/api-types.mjs';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The OpenAPI document is what the admin panel's types are generated from, so the success status it gives
 * each route must be the one the route answers with: @HttpCode, else Nest's default (201 for POST, 200 for
 * the rest). A POST documented with @ApiOkResponse but answering 201 (POST /api/sms/bulk did) fails here.
 * And every answer with a body names its schema, or the panel's generated type for it is `never`.
 */
describe('OpenAPI success statuses', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  it('documents exactly the 2xx status every route answers with', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        if (typeof metatype !== 'function') continue;
        const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
        for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
          const handler = (metatype.prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          if (method === undefined) continue;
          const responses = Reflect.getMetadata(API_RESPONSE, handler) as Record<string, unknown> | undefined;
          const documented = Object.keys(responses ?? {}).filter((code) => /^2\d\d$/.test(code));
          if (documented.length === 0) continue;
          checked++;
          const actual =
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
            (method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK);
          if (documented.length !== 1 || Number(documented[0]) !== actual) {
            const path = `${prefix}/${String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')}`
              .replace(/\/+/g, '/')
              .replace(/^\/|\/$/g, '');
            wrong.push(`${RequestMethod[method]} /api/${path}: documents ${documented.join(',')}, answers ${actual}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });

  it('documents the body of every route that answers one', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = (res.body as OpenApiDocument).paths;
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        const ok = success.some(
          ([code, response]) =>
            code === '204' ||
            (Object.keys(response.content ?? {}).length > 0 &&
              Object.values(response.content ?? {}).every((media) => media.schema !== undefined)),
        );
        if (!ok) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  // The panel's types (my-app/types/api.generated.ts) are generated from this document: a route or DTO changed
  // without regenerating them leaves the panel typed against an API that is gone.
  it("matches the admin panel's generated API types", async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body as object;
    const expected = await renderApiTypes(document);
    const actual = fs.readFileSync(API_TYPES_FILE, 'utf8');
    expect(actual === expected, 'my-app/types/api.generated.ts is stale: run `npm run api:types -w my-app`').toBe(true);
  });
});

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
}
