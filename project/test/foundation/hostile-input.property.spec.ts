import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, type TestApp } from '../support/test-app';
import { adminHeaders, createTenant } from '../support/fixtures';

/** Strings that have broken parsers and databases before: NUL, invisible marks, surrogates, huge numbers. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('\u0000', '\u200B\u200D', '\uFEFF', '\uD800', '%00', '__proto__', '2147483648', '-0', '1e400'),
  fc.integer().map(String),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e21),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(nasty, tie('v'), { maxKeys: 3 }),
  ),
})).v;
/** A DTO's own fields with hostile values, plus stray keys. */
const bodyFor = (fields: string[]) =>
  fc
    .record({
      known: fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] }),
      stray: fc.dictionary(nasty, value, { maxKeys: 2 }),
    })
    .map(({ known, stray }) => ({ ...stray, ...known }));

const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);

describe('property: no request body makes the API answer 5xx', () => {
  let db: TestDatabase;
  let t: TestApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    headers = await adminHeaders(t, await createTenant(db.database, 'Property Co'));
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  it.each([
    ['/api/leads', ['name', 'email', 'phone', 'company', 'timeZone', 'status', 'notes', 'ownerId']],
    ['/api/sms/templates', ['name', 'body', 'strategyId']],
    ['/api/strategies', ['name', 'description', 'tag']],
    ['/api/sms/send', ['phoneNumber', 'message', 'leadId']],
  ])(
    'POST %s',
    async (path, fields) => {
      await fc.assert(
        fc.asyncProperty(bodyFor(fields), async (body) => {
          const res = await t.http().post(path).set(headers).send(body);
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );

  it('GET /api/leads with hostile query parameters', async () => {
    const query = fc.dictionary(fc.constantFrom('page', 'limit', 'search', 'status', 'strategyId', 'x'), nasty, {
      maxKeys: 4,
    });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const res = await t.http().get('/api/leads').query(q).set(headers);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it.each(['inbound', 'status'])(
    'the %s webhook parses any form body without a 5xx',
    async (kind) => {
      const form = fc.dictionary(
        fc.oneof(
          fc.constantFrom('From', 'To', 'Body', 'MessageSid', 'MessageStatus', 'ErrorCode', 'AccountSid'),
          nasty,
        ),
        nasty,
        { maxKeys: 6 },
      );
      await fc.assert(
        fc.asyncProperty(form, async (params) => {
          const res = await t
            .http()
            .post(`/api/sms/webhooks/twilio/${kind}`)
            .type('form')
            .send(new URLSearchParams(params).toString());
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});
