import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { dataOf, typedApi } from '@/lib/api/typed-client';
import { authStorage } from '@/lib/auth-storage';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Answers each request with the next response, and remembers what was asked. */
function serve(...responses: Response[]) {
  const seen: { url: string; method: string; authorization: string | null; body: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      seen.push({
        url: request.url,
        method: request.method,
        authorization: request.headers.get('Authorization'),
        body: await request.clone().text(),
      });
      const next = responses.shift();
      if (!next) throw new Error(`unexpected request ${request.method} ${request.url}`);
      return next;
    }),
  );
  return seen;
}

const tokens = { accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900, user: {} };

describe('typed client', () => {
  beforeEach(() => authStorage.setTokens('old-access', 'old-refresh'));
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('refreshes the session once on a 401 and retries the call with the new token and the same body', async () => {
    const seen = serve(
      json(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' }),
      json(200, tokens),
      json(201, { id: 7, name: 'Spring', description: null, tag: null }),
    );
    const strategy = await dataOf(typedApi.POST('/api/strategies', { body: { name: 'Spring' } }));
    expect(strategy.id).toBe(7);
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /api/strategies',
      'POST /api/auth/refresh',
      'POST /api/strategies',
    ]);
    expect(seen[0]!.authorization).toBe('Bearer old-access');
    expect(JSON.parse(seen[1]!.body)).toEqual({ refreshToken: 'old-refresh' });
    expect(seen[2]!.authorization).toBe('Bearer new-access');
    expect(JSON.parse(seen[2]!.body)).toEqual({ name: 'Spring' });
  });

  it("throws the API's error shape, field details included", async () => {
    serve(
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'name: must not be empty',
        details: [{ field: 'name', message: 'must not be empty' }],
      }),
    );
    const error = await typedApi.POST('/api/strategies', { body: { name: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 400, details: [{ field: 'name', message: 'must not be empty' }] });
  });

  it('leaves empty filters out of the query', async () => {
    const seen = serve(json(200, { items: [], total: 0, page: 1, limit: 20 }));
    await dataOf(typedApi.GET('/api/sms/messages', { params: { query: { page: 2, search: '', status: undefined } } }));
    expect(new URL(seen[0]!.url).search).toBe('?page=2');
  });
});
