import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notifications, subAccounts } from 'src/core/database/schema';
import type { NotificationType } from 'src/core/database/schema';
import { adminHeaders, createTenant, login, userHeaders, type Tenant } from '../support/fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { addSuperAdmin, notificationById } from './notification-support';

describe('GET/POST /api/notifications', () => {
  let db: TestDatabase;
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  let rootId: number;
  const h: Record<'aAdmin' | 'aUser' | 'bAdmin' | 'root', Record<string, string>> = {} as never;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    a = await createTenant(db.database, 'Alpha Notes');
    b = await createTenant(db.database, 'Beta Notes');
    rootId = await addSuperAdmin(db.database);
    h.aAdmin = await adminHeaders(t, a);
    h.aUser = await userHeaders(t, a);
    h.bAdmin = await adminHeaders(t, b);
    h.root = { Authorization: `Bearer ${await login(t, 'root@loctelli.test')}` };
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.database.db.delete(notifications);
  });

  let seq = 0;
  async function give(
    who: { kind: 'user' | 'admin'; id: number },
    subAccountId: number,
    title: string,
    extra: { type?: NotificationType; readAt?: Date; createdAt?: Date } = {},
  ): Promise<number> {
    seq += 1;
    const [row] = await db.database.db
      .insert(notifications)
      .values({
        subAccountId,
        recipientKind: who.kind,
        recipientId: who.id,
        type: extra.type ?? 'campaign_completed',
        title,
        link: `/admin/sms/campaigns/${seq}`,
        dedupeKey: `test:${seq}`,
        readAt: extra.readAt,
        createdAt: extra.createdAt ?? new Date(Date.now() + seq),
      })
      .returning();
    return row!.id;
  }
  const user = () => ({ kind: 'user' as const, id: a.userId });
  const admin = () => ({ kind: 'admin' as const, id: a.adminId });
  const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);

  it("lists the caller's own notifications, newest first, and only theirs", async () => {
    await give(user(), a.subAccountId, 'first');
    await give(user(), a.subAccountId, 'second');
    await give(admin(), a.subAccountId, 'for the admin');
    await give({ kind: 'user', id: b.userId }, b.subAccountId, 'for beta');
    const res = await t.http().get('/api/notifications').set(h.aUser).expect(200);
    expect(titles(res.body)).toEqual(['second', 'first']);
    expect(res.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(res.body.items[0]).toMatchObject({
      subAccountId: a.subAccountId,
      subAccountName: 'Alpha Notes',
      type: 'campaign_completed',
      body: '',
      readAt: null,
    });
    expect(titles((await t.http().get('/api/notifications').set(h.bAdmin).expect(200)).body)).toEqual([]);
  });

  it('filters unread, pages, and counts unread', async () => {
    await give(user(), a.subAccountId, 'old and read', { readAt: new Date() });
    await give(user(), a.subAccountId, 'unread one');
    await give(user(), a.subAccountId, 'unread two');
    const unread = await t.http().get('/api/notifications?unread=true&limit=1&page=2').set(h.aUser).expect(200);
    expect(unread.body).toMatchObject({ total: 2, page: 2, limit: 1 });
    expect(titles(unread.body)).toEqual(['unread one']);
    expect((await t.http().get('/api/notifications/unread-count').set(h.aUser).expect(200)).body).toEqual({ count: 2 });
    await t.http().get('/api/notifications?unread=maybe').set(h.aUser).expect(400);
  });

  it('shows an admin their notifications of every SubAccount they manage, whichever is chosen', async () => {
    const [second] = await db.database.db
      .insert(subAccounts)
      .values({ name: 'Alpha Two', createdByAdminId: a.adminId })
      .returning();
    await give(admin(), a.subAccountId, 'in alpha');
    await give(admin(), second!.id, 'in alpha two');
    const res = await t.http().get('/api/notifications').set(h.aAdmin).expect(200);
    expect(res.body.items.map((i: { subAccountName: string }) => i.subAccountName)).toEqual([
      'Alpha Two',
      'Alpha Notes',
    ]);
    // Handed over to another admin: its notifications go with it.
    await db.database.db.update(subAccounts).set({ createdByAdminId: b.adminId }).where(eq(subAccounts.id, second!.id));
    expect(titles((await t.http().get('/api/notifications').set(h.aAdmin).expect(200)).body)).toEqual(['in alpha']);
    await give({ kind: 'admin', id: rootId }, b.subAccountId, 'root sees beta');
    expect(titles((await t.http().get('/api/notifications').set(h.root).expect(200)).body)).toEqual(['root sees beta']);
  });

  it('marks one read (404 for anyone else), then all read', async () => {
    const one = await give(user(), a.subAccountId, 'one');
    await give(user(), a.subAccountId, 'two');
    const adminOwn = await give(admin(), a.subAccountId, 'admin own');
    await t.http().post(`/api/notifications/${one}/read`).set(h.bAdmin).expect(404);
    await t.http().post(`/api/notifications/${adminOwn}/read`).set(h.aUser).expect(404);
    const read = await t.http().post(`/api/notifications/${one}/read`).set(h.aUser).expect(200);
    expect(read.body).toMatchObject({ id: one, title: 'one', subAccountName: 'Alpha Notes' });
    expect(read.body.readAt).toBeTruthy();
    const firstRead = (await notificationById(db.database, one))!.readAt;
    await t.http().post(`/api/notifications/${one}/read`).set(h.aUser).expect(200);
    expect((await notificationById(db.database, one))!.readAt).toEqual(firstRead);
    expect((await t.http().post('/api/notifications/read-all').set(h.aUser).expect(200)).body).toEqual({ updated: 1 });
    expect((await t.http().get('/api/notifications/unread-count').set(h.aUser).expect(200)).body).toEqual({ count: 0 });
    expect((await notificationById(db.database, adminOwn))!.readAt).toBeNull();
  });

  it('keeps preferences per person: defaults, saves, refuses unknown types and silly thresholds', async () => {
    expect((await t.http().get('/api/notifications/preferences').set(h.aUser).expect(200)).body).toEqual({
      disabledTypes: [],
      deadLetterThreshold: 10,
    });
    const saved = await t
      .http()
      .put('/api/notifications/preferences')
      .set(h.aUser)
      .send({ disabledTypes: ['lead_reply', 'spending_cap_80', 'lead_reply'], deadLetterThreshold: 3 })
      .expect(200);
    expect(saved.body).toEqual({ disabledTypes: ['lead_reply', 'spending_cap_80'], deadLetterThreshold: 3 });
    await t.http().put('/api/notifications/preferences').set(h.aUser).send({ deadLetterThreshold: 5 }).expect(200);
    expect((await t.http().get('/api/notifications/preferences').set(h.aUser).expect(200)).body).toEqual({
      disabledTypes: ['lead_reply', 'spending_cap_80'],
      deadLetterThreshold: 5,
    });
    expect((await t.http().get('/api/notifications/preferences').set(h.aAdmin).expect(200)).body).toEqual({
      disabledTypes: [],
      deadLetterThreshold: 10,
    });
    await t
      .http()
      .put('/api/notifications/preferences')
      .set(h.aUser)
      .send({ disabledTypes: ['nope'] })
      .expect(400);
    await t.http().put('/api/notifications/preferences').set(h.aUser).send({ deadLetterThreshold: 0 }).expect(400);
  });

  it('needs a login', async () => {
    await t.http().get('/api/notifications').expect(401);
    await t.http().get('/api/notifications/unread-count').expect(401);
  });

  it('streams the unread count (Server-Sent Events, one-time ticket in the query) and again when it changes', async () => {
    await give(user(), a.subAccountId, 'unread');
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const { ticket } = (await t.http().post('/api/auth/stream-ticket').set(h.aUser).expect(200)).body as {
      ticket: string;
    };
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/notifications/stream?ticket=${ticket}`, {
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value, { stream: true });
    };
    await until('data: {"count":1}');
    expect(text).toContain('event: unread');
    await give(user(), a.subAccountId, 'another');
    await until('data: {"count":2}');
    abort.abort();
  }, 20_000);
});
