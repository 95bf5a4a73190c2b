import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  notifications,
  smsCampaigns,
  smsConversations,
  smsMessages,
  smsOptOuts,
  smsTemplates,
  smsTriggers,
} from 'src/core/database/schema';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTenant, login, type Tenant } from '../support/fixtures';
import { expectErrorShape } from './error-shape';
import type { Method, Route } from '../support/served-routes';

/** Every route the app serves, so a new route is walked without editing this file. */
const routesOf = (t: TestApp): Route[] => t.routes;

/** A route that names one record: has `:id` (or any other path parameter). */
const isRecordRoute = (r: Route) => r.path.includes('/:');

/**
 * How to aim a record route at tenant A's record: the resource (the path up to `/:id`) gives A's id and, per
 * method, a body that would change the record if the tenant check were missing. A record route whose resource
 * is not listed here fails the walk: add the resource, so its isolation is tested too.
 */
interface Target {
  id: number;
  /** Only admins reach it (a plain user is refused before any lookup). */
  adminOnly?: boolean;
  /** Not tenant data at all: only a system admin reaches it; every SubAccount login is refused (403). */
  systemOnly?: boolean;
  bodies?: Partial<Record<Method, object>>;
}

describe('tenant isolation', () => {
  let db: TestDatabase;
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  const h: Record<'aAdmin' | 'aUser' | 'bAdmin' | 'bUser', Record<string, string>> = {} as never;
  let aLead: { id: number; name: string; phone: string; email: string };
  let aStrategy: { id: number; name: string; description: string };
  let bLeadId: number;
  let bStrategyId: number;
  let aMessageId: number;
  let aCampaignId: number;
  let aTemplateId: number;
  /** Strings only tenant A's records contain: none may appear in a response to tenant B. */
  let aSecrets: string[];
  let targets: Record<string, Target>;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    a = await createTenant(db.database, 'Alpha Holdings');
    b = await createTenant(db.database, 'Beta Works');
    const bearer = async (email: string) => ({ Authorization: `Bearer ${await login(t, email)}` });
    h.aAdmin = { ...(await bearer(a.adminEmail)), 'X-SubAccount-Id': String(a.subAccountId) };
    h.aUser = await bearer(a.userEmail);
    h.bAdmin = { ...(await bearer(b.adminEmail)), 'X-SubAccount-Id': String(b.subAccountId) };
    h.bUser = await bearer(b.userEmail);

    const strategy = await t
      .http()
      .post('/api/strategies')
      .set(h.aAdmin)
      .send({ name: 'Alpha roof campaign', description: 'Alpha private playbook', tag: 'alpha-tag' })
      .expect(201);
    aStrategy = strategy.body;
    const lead = await t
      .http()
      .post('/api/leads')
      .set(h.aAdmin)
      .send({
        name: 'Alice Alphason',
        phone: '(415) 555-0111',
        email: 'alice@alpha.example',
        strategyId: aStrategy.id,
        ownerId: a.userId,
        notes: 'Alpha notes',
      })
      .expect(201);
    aLead = lead.body;
    bLeadId = (
      await t.http().post('/api/leads').set(h.bAdmin).send({ name: 'Bob Betason', phone: '(415) 555-0222' }).expect(201)
    ).body.id;
    bStrategyId = (await t.http().post('/api/strategies').set(h.bAdmin).send({ name: 'Beta plan' }).expect(201)).body
      .id;

    // Messages go in directly: the test app runs no dispatcher (SMS_ROLE=api), so they stay pending.
    const [aMessage] = await db.database.db
      .insert(smsMessages)
      .values({
        subAccountId: a.subAccountId,
        leadId: aLead.id,
        phoneNumber: aLead.phone,
        message: 'Alpha private offer',
      })
      .returning();
    aMessageId = aMessage!.id;
    await db.database.db
      .insert(smsMessages)
      .values({ subAccountId: b.subAccountId, phoneNumber: '+14155550222', message: 'Beta hello' });

    const [aCampaign] = await db.database.db
      .insert(smsCampaigns)
      .values({ subAccountId: a.subAccountId, name: 'Alpha campaign', message: 'Alpha campaign text', status: 'draft' })
      .returning();
    const [aTemplate] = await db.database.db
      .insert(smsTemplates)
      .values({ subAccountId: a.subAccountId, name: 'Alpha template', body: 'Alpha template body' })
      .returning();
    const [aTrigger] = await db.database.db
      .insert(smsTriggers)
      .values({ subAccountId: a.subAccountId, name: 'Alpha trigger', event: 'lead_created', templateId: aTemplate!.id })
      .returning();
    const [aOptOut] = await db.database.db
      .insert(smsOptOuts)
      .values({ subAccountId: a.subAccountId, phoneNumber: '+14155550333', source: 'manual' })
      .returning();
    const [aNotification] = await db.database.db
      .insert(notifications)
      .values({
        subAccountId: a.subAccountId,
        recipientKind: 'admin',
        recipientId: a.adminId,
        type: 'campaign_completed',
        title: 'Alpha campaign completed',
        dedupeKey: 'campaign_completed:1',
      })
      .returning();

    const [aConversation] = await db.database.db
      .insert(smsConversations)
      .values({
        subAccountId: a.subAccountId,
        phoneNumber: aLead.phone,
        leadId: aLead.id,
        lastDirection: 'inbound',
        lastMessagePreview: 'Alpha private offer',
      })
      .returning();

    aCampaignId = aCampaign!.id;
    aTemplateId = aTemplate!.id;
    aSecrets = [
      'Alpha private offer',
      'Alpha campaign',
      'Alpha template',
      'Alpha trigger',
      '+14155550333',
      aLead.name,
      aLead.phone,
      aLead.email,
      'Alpha notes',
      aStrategy.name,
      aStrategy.description,
      'alpha-tag',
      a.userEmail,
      a.adminEmail,
      'Alpha Holdings',
    ];
    targets = {
      '/api/leads': {
        id: aLead.id,
        bodies: { patch: { name: 'Taken by B', status: 'lost' }, put: { optedOut: true } },
      },
      '/api/strategies': {
        id: aStrategy.id,
        bodies: { patch: { name: 'Taken by B' }, put: { enabled: false, stopStatuses: [], steps: [] } },
      },
      '/api/users': { id: a.userId, bodies: { patch: { name: 'Taken by B', password: 'taken-by-b-123' } } },
      '/api/subaccounts': { id: a.subAccountId, adminOnly: true, bodies: { patch: { name: 'Taken by B' } } },
      '/api/sms/messages': { id: aMessageId },
      '/api/sms/campaigns': { id: aCampaign!.id, bodies: { patch: { name: 'Taken by B' } } },
      '/api/sms/templates': { id: aTemplate!.id, bodies: { patch: { name: 'Taken by B' } } },
      '/api/sms/opt-outs': { id: aOptOut!.id },
      '/api/sms/conversations': { id: aConversation!.id },
      '/api/notifications': { id: aNotification!.id },
      '/api/sms/unassigned': { id: 1, systemOnly: true, bodies: { post: { subAccountId: b.subAccountId } } },
      '/api/sms/triggers': { id: aTrigger!.id, bodies: { patch: { name: 'Taken by B', enabled: false } } },
    };
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  const call = (route: Route, path: string, headers: Record<string, string>) => {
    const req = t.http()[route.method](path).set(headers);
    const body = resourceOf(route) ? targets[resourceOf(route)!]?.bodies?.[route.method] : undefined;
    return route.method === 'get' || route.method === 'delete' ? req : req.send(body ?? {});
  };
  /** `/api/leads/:id/notes` → `/api/leads`; undefined when the only parameter is not `:id`. */
  const resourceOf = (route: Route) => /^(.*?)\/:id(?:\/|$)/.exec(route.path)?.[1];
  const withId = (route: Route, id: number) => route.path.replace(':id', String(id));
  /** Record routes with a target; the others fail the test below that lists them. */
  const walkable = () =>
    routesOf(t).filter((r) => isRecordRoute(r) && resourceOf(r) !== undefined && resourceOf(r)! in targets);

  function expectNoDataOfA(body: unknown, route: string): void {
    const text = JSON.stringify(body);
    for (const secret of aSecrets) expect(text, `${route} leaked "${secret}"`).not.toContain(secret);
  }

  it('knows how to aim every record route of the app at another tenant', () => {
    const record = routesOf(t).filter(isRecordRoute);
    expect(record.length).toBeGreaterThanOrEqual(12);
    const unknown = record.filter(
      (r) => !resourceOf(r) || !(resourceOf(r)! in targets) || (r.path.match(/\/:/g) ?? []).length > 1,
    );
    expect(
      unknown.map((r) => `${r.method.toUpperCase()} ${r.path}`),
      'record routes the isolation walk cannot exercise: add their resource to `targets`',
    ).toEqual([]);
  });

  it("answers 404 with none of A's data to B's admin on every record route aimed at A's records", async () => {
    const record = walkable();
    // Reads and edits first, deletes last, so a missing check on a delete cannot hide one on an edit.
    record.sort((x, y) => Number(x.method === 'delete') - Number(y.method === 'delete'));
    for (const route of record) {
      const target = targets[resourceOf(route)!]!;
      const label = `${route.method.toUpperCase()} ${route.path} as B's admin`;
      const res = await call(route, withId(route, target.id), h.bAdmin);
      const expected = target.systemOnly ? 403 : 404;
      expect(res.status, label).toBe(expected);
      expectErrorShape(res.body, expected);
      expectNoDataOfA(res.body, label);
    }
  });

  it("answers B's plain user on every record route aimed at A exactly as for an id that does not exist", async () => {
    const record = walkable();
    record.sort((x, y) => Number(x.method === 'delete') - Number(y.method === 'delete'));
    for (const route of record) {
      const target = targets[resourceOf(route)!]!;
      const label = `${route.method.toUpperCase()} ${route.path} as B's user`;
      const res = await call(route, withId(route, target.id), h.bUser);
      const missing = await call(route, withId(route, 2_000_000_000), h.bUser);
      // A user may be refused outright (403: not theirs to manage) but never told A's record exists.
      expect([404, 403], label).toContain(res.status);
      if (target.adminOnly || target.systemOnly) expect(res.status, label).toBe(403);
      expect({ status: res.status, body: res.body }, label).toEqual({ status: missing.status, body: missing.body });
      expectNoDataOfA(res.body, label);
    }
  });

  it("leaves A's records untouched after B's attempts", async () => {
    const lead = await t.http().get(`/api/leads/${aLead.id}`).set(h.aAdmin).expect(200);
    expect(lead.body).toMatchObject({ name: aLead.name, phone: aLead.phone, status: 'new' });
    const strategy = await t.http().get(`/api/strategies/${aStrategy.id}`).set(h.aAdmin).expect(200);
    expect(strategy.body.name).toBe(aStrategy.name);
    const user = await t.http().get(`/api/users/${a.userId}`).set(h.aAdmin).expect(200);
    expect(user.body.name).toBe('Alpha Holdings User');
    const sub = await t.http().get(`/api/subaccounts/${a.subAccountId}`).set(h.aAdmin).expect(200);
    expect(sub.body.name).toBe('Alpha Holdings');
    const message = await t.http().get(`/api/sms/messages/${aMessageId}`).set(h.aAdmin).expect(200);
    expect(message.body).toMatchObject({ message: 'Alpha private offer', status: 'pending' });
    // A's user still signs in with the old password: B's PATCH did not change it.
    await login(t, a.userEmail);
  });

  describe("another tenant's ids in bodies and queries", () => {
    /** B's rows that point at one of A's records: none may exist after B's attempts. */
    const crossLinks = async () => {
      const rows = (await db.database.db.execute(sql`
        select 'message.lead' as link from sms_messages where sub_account_id = ${b.subAccountId} and lead_id = ${aLead.id}
        union all select 'campaign.template' from sms_campaigns
         where sub_account_id = ${b.subAccountId} and template_id = ${aTemplateId}
        union all select 'campaign.recipient' from sms_messages m join sms_campaigns c on c.id = m.campaign_id
         where c.sub_account_id = ${b.subAccountId} and m.phone_number = ${aLead.phone}
        union all select 'template.strategy' from sms_templates
         where sub_account_id = ${b.subAccountId} and strategy_id = ${aStrategy.id}
        union all select 'trigger.template' from sms_triggers
         where sub_account_id = ${b.subAccountId} and template_id = ${aTemplateId}`)) as unknown as {
        rows: { link: string }[];
      };
      return rows.rows.map((r) => r.link);
    };

    it("refuses A's ids in B's request bodies with 4xx naming the field, and links nothing to them", async () => {
      const attempts: [string, () => PromiseLike<{ status: number; body: unknown }>, string][] = [
        [
          'POST /api/sms/send leadId',
          () => t.http().post('/api/sms/send').set(h.bAdmin).send({ leadId: aLead.id, message: 'hi' }),
          'leadId',
        ],
        [
          'POST /api/sms/campaigns templateId',
          () =>
            t
              .http()
              .post('/api/sms/campaigns')
              .set(h.bAdmin)
              .send({ name: 'B', templateId: aTemplateId, recipients: ['+14155550999'] }),
          'templateId',
        ],
        [
          'POST /api/sms/campaigns leadIds',
          () =>
            t
              .http()
              .post('/api/sms/campaigns')
              .set(h.bAdmin)
              .send({ name: 'B', message: 'hi', leadIds: [aLead.id] }),
          'leadIds',
        ],
        [
          'POST /api/sms/templates strategyId',
          () =>
            t.http().post('/api/sms/templates').set(h.bAdmin).send({ name: 'B', body: 'hi', strategyId: aStrategy.id }),
          'strategyId',
        ],
        [
          'POST /api/sms/triggers templateId',
          () =>
            t
              .http()
              .post('/api/sms/triggers')
              .set(h.bAdmin)
              .send({ name: 'B', event: 'lead_created', delayMinutes: 0, templateId: aTemplateId }),
          'templateId',
        ],
      ];
      for (const [label, attempt, field] of attempts) {
        const res = await attempt();
        expect(res.status, label).toBeGreaterThanOrEqual(400);
        expect(res.status, label).toBeLessThan(500);
        expect(JSON.stringify(res.body), label).toContain(field);
        expectNoDataOfA(res.body, label);
      }
      expect(await crossLinks()).toEqual([]);
    });

    it("texts none of A's leads when B's filter names A's strategy or owner", async () => {
      for (const filter of [{ strategyId: aStrategy.id }, { ownerId: a.userId }]) {
        const res = await t
          .http()
          .post('/api/sms/campaigns/from-leads')
          .set(h.bAdmin)
          .send({ name: 'B', message: 'hi', filter });
        const label = `from-leads ${JSON.stringify(filter)}`;
        expect(res.status, label).toBeGreaterThanOrEqual(400);
        expect(res.status, label).toBeLessThan(500);
        expectNoDataOfA(res.body, label);
      }
      expect(await crossLinks()).toEqual([]);
    });

    it("finds nothing of A's when B's queries name A's ids", async () => {
      for (const path of [
        `/api/sms/messages?leadId=${aLead.id}`,
        `/api/sms/messages?campaignId=${aCampaignId}`,
        `/api/sms/templates?strategyId=${aStrategy.id}`,
        `/api/sms/conversations?ownerId=${a.userId}`,
        `/api/sms/audit?actor=${encodeURIComponent(`user:${a.userId}`)}`,
      ]) {
        for (const headers of [h.bAdmin, h.bUser]) {
          const res = await t.http().get(path).set(headers);
          expect([200, 403], path).toContain(res.status);
          if (res.status === 200) expect(res.body, path).toMatchObject({ items: [], total: 0 });
          expectNoDataOfA(res.body, path);
        }
      }
    });
  });

  describe("lists never show another tenant's rows", () => {
    const lists = ['/api/leads', '/api/strategies', '/api/users', '/api/subaccounts', '/api/sms/messages'];

    it.each(lists)("%s as B's admin holds B's rows and none of A's", async (path) => {
      const res = await t.http().get(`${path}?limit=100`).set(h.bAdmin).expect(200);
      const items = res.body.items as { id: number; subAccountId?: number }[];
      expect(items.length).toBeGreaterThan(0);
      expect(res.body.total).toBe(items.length);
      for (const item of items) {
        if (path === '/api/subaccounts') expect(item.id).toBe(b.subAccountId);
        else expect(item.subAccountId).toBe(b.subAccountId);
      }
      expectNoDataOfA(res.body, path);
    });

    it.each(lists.filter((p) => p !== '/api/subaccounts'))("%s as B's user holds none of A's rows", async (path) => {
      const res = await t.http().get(`${path}?limit=100`).set(h.bUser).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const item of res.body.items as { subAccountId: number }[]) expect(item.subAccountId).toBe(b.subAccountId);
      expectNoDataOfA(res.body, path);
    });

    it("finds nothing of A's when B searches or filters for it", async () => {
      for (const query of [
        `search=${encodeURIComponent(aLead.name)}`,
        'search=4155550111',
        `strategyId=${aStrategy.id}`,
        `ownerId=${a.userId}`,
      ]) {
        const res = await t.http().get(`/api/leads?${query}`).set(h.bAdmin).expect(200);
        expect(res.body, query).toMatchObject({ items: [], total: 0 });
      }
      const strategies = await t.http().get(`/api/strategies?search=Alpha`).set(h.bAdmin).expect(200);
      expect(strategies.body.total).toBe(0);
    });
  });

  it("refuses to link B's lead to A's user or strategy", async () => {
    const res = await t
      .http()
      .post('/api/leads')
      .set(h.bAdmin)
      .send({ name: 'Cross link', ownerId: a.userId, strategyId: aStrategy.id })
      .expect(400);
    expect((res.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['ownerId', 'strategyId']);
    const patch = await t
      .http()
      .patch(`/api/leads/${bLeadId}`)
      .set(h.bAdmin)
      .send({ strategyId: aStrategy.id })
      .expect(400);
    expect(patch.body.details).toEqual([expect.objectContaining({ field: 'strategyId' })]);
    await t.http().patch(`/api/leads/${bLeadId}`).set(h.bAdmin).send({ strategyId: bStrategyId }).expect(200);
  });

  describe('choosing the SubAccount', () => {
    it('refuses an admin naming a SubAccount they do not manage with 403', async () => {
      const res = await t
        .http()
        .get('/api/leads')
        .set({ ...h.aAdmin, 'X-SubAccount-Id': String(b.subAccountId) })
        .expect(403);
      expectErrorShape(res.body, 403);
      expectNoDataOfA(res.body, 'foreign X-SubAccount-Id');
      await t
        .http()
        .get('/api/leads')
        .set({ ...h.aAdmin, 'X-SubAccount-Id': '2000000000' })
        .expect(403);
    });

    it('refuses a SubAccount at once after its admin deleted it (the guard remembers only recent yeses)', async () => {
      const { 'X-SubAccount-Id': _, ...admin } = h.aAdmin;
      const created = await t.http().post('/api/subaccounts').set(admin).send({ name: 'Short-lived' }).expect(201);
      const chosen = { ...admin, 'X-SubAccount-Id': String(created.body.id) };
      await t.http().get('/api/leads').set(chosen).expect(200);
      await t.http().delete(`/api/subaccounts/${created.body.id}`).set(admin).expect(204);
      await t.http().get('/api/leads').set(chosen).expect(403);
    });

    it('asks an admin without X-SubAccount-Id to choose one with 400 naming the header', async () => {
      const { 'X-SubAccount-Id': _, ...noTenant } = h.aAdmin;
      for (const path of ['/api/leads', '/api/strategies', '/api/users', `/api/leads/${aLead.id}`]) {
        const res = await t.http().get(path).set(noTenant).expect(400);
        expect(expectErrorShape(res.body, 400).message, path).toContain('X-SubAccount-Id');
      }
    });

    it('rejects a malformed X-SubAccount-Id with 400 naming the header', async () => {
      const res = await t
        .http()
        .get('/api/leads')
        .set({ ...h.aAdmin, 'X-SubAccount-Id': 'alpha' })
        .expect(400);
      expect(expectErrorShape(res.body, 400).message).toContain('X-SubAccount-Id');
    });

    it('keeps a user in their own SubAccount whatever X-SubAccount-Id they send', async () => {
      const spoof = { ...h.bUser, 'X-SubAccount-Id': String(a.subAccountId) };
      const list = await t.http().get('/api/leads').set(spoof).expect(200);
      expect(list.body.items.map((l: { id: number }) => l.id)).toEqual([bLeadId]);
      expectNoDataOfA(list.body, 'spoofed header list');
      await t.http().get(`/api/leads/${aLead.id}`).set(spoof).expect(404);
      const created = await t.http().post('/api/leads').set(spoof).send({ name: 'Made by B user' }).expect(201);
      expect(created.body.subAccountId).toBe(b.subAccountId);
      await t.http().delete(`/api/leads/${created.body.id}`).set(h.bAdmin).expect(204);
    });

    it('refuses a plain user on /api/subaccounts with 403', async () => {
      for (const req of [
        t.http().get('/api/subaccounts').set(h.aUser),
        t.http().post('/api/subaccounts').set(h.aUser).send({ name: 'Mine now' }),
        t.http().get(`/api/subaccounts/${a.subAccountId}`).set(h.aUser),
      ]) {
        const res = await req.expect(403);
        expectErrorShape(res.body, 403);
      }
    });
  });
});
