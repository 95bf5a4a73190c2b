import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type Tenant } from '../support/fixtures';
import { createManager, createSystemAdmin, headersFor } from '../support/role-fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { routeDecisions, type Decision, type RouteDecision } from './route-roles';

const DOC = path.resolve(__dirname, '../../../docs/security.md');

type Principal = 'system_admin' | 'admin' | 'manager' | 'user';
const PRINCIPALS: Principal[] = ['system_admin', 'admin', 'manager', 'user'];

/** Who passes each decision (docs/security.md, "Roles"). */
const ALLOWED: Record<Exclude<Decision, 'public' | 'none'>, Principal[]> = {
  user: ['system_admin', 'admin', 'manager', 'user'],
  subaccount_admin: ['system_admin', 'admin', 'manager'],
  admin_login: ['system_admin', 'admin'],
  system_admin: ['system_admin'],
};

/** The guards' refusals; a service's own 403 (e.g. a user editing another user) is not a route decision. */
const ROLE_REFUSALS = [
  'Only a SubAccount admin (an admin, or a user with role manager) can do this',
  'Only a system admin can do this',
  'Only admins can do this',
];

/** The admin actions: each must need at least a SubAccount admin. */
const ADMIN_ACTIONS = [
  'PUT /api/sms/settings',
  'POST /api/sms/settings/test',
  'DELETE /api/sms/opt-outs/:id',
  'POST /api/sms/campaigns/:id/cancel',
  'DELETE /api/sms/campaigns/:id',
  'DELETE /api/leads/:id',
  'DELETE /api/sms/templates/:id',
  'DELETE /api/strategies/:id',
];

const label = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

/** The table between the route-roles markers of docs/security.md: "| METHOD | /path | decision |". */
function documented(): string[] {
  const text = readFileSync(DOC, 'utf8');
  const block = /<!-- route-roles:start -->([\s\S]*?)<!-- route-roles:end -->/.exec(text)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => /^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*`([^`]+)`\s*\|\s*([a-z_]+)\s*\|/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]} ${m[2]} ${m[3]}`);
}

describe('the role matrix, route by route', () => {
  let db: TestDatabase;
  let t: TestApp;
  let a: Tenant;
  let routes: RouteDecision[];
  const as: Record<Principal, Record<string, string>> = {} as never;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    a = await createTenant(db.database, 'Matrix A');
    as.system_admin = await headersFor(t, await createSystemAdmin(db.database), a.subAccountId);
    as.admin = await headersFor(t, a.adminEmail, a.subAccountId);
    as.manager = await headersFor(t, await createManager(db.database, a, 'manager@matrix-a.test'));
    as.user = await headersFor(t, a.userEmail);
    routes = routeDecisions(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  it('has a role decision for every route the app serves', () => {
    const served = t.routes.map(label);
    const known = new Set(routes.map(label));
    // Swagger UI and the OpenAPI document are mounted on Fastify directly: public by design (no data).
    const openApi = (r: string) => /^GET \/api\/docs([-/]|$)/.test(r);
    expect(
      served.filter((r) => !known.has(r) && !openApi(r)),
      'routes Nest does not describe',
    ).toEqual([]);
    expect(routes.length).toBeGreaterThan(80);
    expect(
      routes.filter((r) => r.decision === 'none').map(label),
      'routes without @Public, @RequireRole or @AdminOnly: decide who may call them (docs/security.md)',
    ).toEqual([]);
  });

  it('documents every decision in docs/security.md, exactly as enforced', () => {
    const enforced = routes.map((r) => `${r.method.toUpperCase()} ${r.path} ${r.decision}`);
    expect(documented()).toEqual(enforced);
  });

  it("keeps the issue's admin actions away from plain users", () => {
    const decisions = new Map(routes.map((r) => [label(r), r.decision]));
    for (const action of ADMIN_ACTIONS) {
      expect([action, decisions.get(action)]).toEqual([
        action,
        expect.stringMatching(/subaccount_admin|admin_login|system_admin/),
      ]);
    }
  });

  it('lets each role through exactly the routes its role reaches, and refuses the rest with 403', async () => {
    const mismatches: string[] = [];
    // A stream never ends: its decision is checked above, the call itself is not made.
    for (const route of routes.filter((r) => r.decision !== 'public' && !r.sse)) {
      const url = route.path.replace(/:[A-Za-z]+/g, '999999');
      for (const who of PRINCIPALS) {
        const req = t.http()[route.method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).set(as[who]);
        const res = await (route.method === 'get' || route.method === 'delete' ? req : req.send({}));
        const refused = res.status === 403 && ROLE_REFUSALS.includes(res.body.message);
        const allowed = ALLOWED[route.decision as keyof typeof ALLOWED].includes(who);
        if (refused === allowed) mismatches.push(`${label(route)} as ${who}: ${res.status} ${res.body.message ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
