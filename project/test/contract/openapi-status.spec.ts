import { HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
// @nestjs/swagger keeps its metadata key in dist/constants (not exported): API_RESPONSE.
const API_RESPONSE = 'swagger/apiResponse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The OpenAPI document is what the admin panel's types are generated from, so the success status it gives
 * each route must be the one the route answers with: @HttpCode, else Nest's default (201 for POST, 200 for
 * the rest). A POST documented with @ApiOkResponse but answering 201 (POST /api/sms/bulk did) fails here.
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
});
