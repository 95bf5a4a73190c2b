import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leads, smsOptOuts } from 'src/core/database/schema';
import { createTenant, type Tenant } from '../support/fixtures';
import { createManager, createSystemAdmin, headersFor } from '../support/role-fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const PHONE = '+14155550777';
type Source = 'keyword' | 'error_21610' | 'manual' | 'import';

describe('who may take a number off the opt-out list', () => {
  let db: TestDatabase;
  let t: TestApp;
  let a: Tenant;
  let leadId: number;
  const as: Record<'system' | 'admin' | 'manager' | 'user', Record<string, string>> = {} as never;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    a = await createTenant(db.database, 'Lift A');
    as.system = await headersFor(t, await createSystemAdmin(db.database), a.subAccountId);
    as.admin = await headersFor(t, a.adminEmail, a.subAccountId);
    as.manager = await headersFor(t, await createManager(db.database, a, 'manager@lift-a.test'));
    as.user = await headersFor(t, a.userEmail);
    const [lead] = await db.database.db
      .insert(leads)
      .values({ subAccountId: a.subAccountId, name: 'Robin', phone: PHONE })
      .returning();
    leadId = lead!.id;
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.database.db.delete(smsOptOuts);
  });

  const optOut = async (source: Source) =>
    (
      await db.database.db
        .insert(smsOptOuts)
        .values({ subAccountId: a.subAccountId, phoneNumber: PHONE, source })
        .returning()
    )[0]!;
  const stillListed = async () =>
    (
      await db.database.db
        .select()
        .from(smsOptOuts)
        .where(and(eq(smsOptOuts.subAccountId, a.subAccountId), eq(smsOptOuts.phoneNumber, PHONE)))
    ).length === 1;

  it.each<Source>(['keyword', 'error_21610'])(
    'lets nobody in the panel lift an opt-out the recipient asked for (%s), not even a system admin',
    async (source) => {
      const row = await optOut(source);
      const listed = await t.http().get('/api/sms/opt-outs').set(as.admin).expect(200);
      expect(listed.body.items[0]).toMatchObject({ source, liftableBy: 'recipient' });
      for (const [who, headers] of Object.entries(as)) {
        const byId = await t.http().delete(`/api/sms/opt-outs/${row.id}`).set(headers);
        const byLead = await t.http().put(`/api/leads/${leadId}/sms-opt-out`).set(headers).send({ optedOut: false });
        const recipientOnly = /opted out themselves.*only they can lift it, by texting START/;
        expect([who, byLead.status, byLead.body.message]).toEqual([who, 403, expect.stringMatching(recipientOnly)]);
        // The list's DELETE needs a SubAccount admin first: a plain user is refused for that reason.
        const byIdReason = who === 'user' ? /Only a SubAccount admin/ : recipientOnly;
        expect([who, byId.status, byId.body.message]).toEqual([who, 403, expect.stringMatching(byIdReason)]);
      }
      expect(await stillListed()).toBe(true);
    },
  );

  it('lets a SubAccount admin, but not a plain user, remove an opt-out added by hand or by import', async () => {
    const manual = await optOut('manual');
    expect((await t.http().get('/api/sms/opt-outs').set(as.user).expect(200)).body.items[0].liftableBy).toBe('admin');
    const byUser = await t.http().delete(`/api/sms/opt-outs/${manual.id}`).set(as.user);
    expect(byUser.status).toBe(403);
    expect(byUser.body.message).toBe('Only a SubAccount admin (an admin, or a user with role manager) can do this');
    const byUserOnLead = await t.http().put(`/api/leads/${leadId}/sms-opt-out`).set(as.user).send({ optedOut: false });
    expect(byUserOnLead.status).toBe(403);
    expect(byUserOnLead.body.message).toBe('Only a SubAccount admin can remove an opt-out');
    expect(await stillListed()).toBe(true);

    await t.http().delete(`/api/sms/opt-outs/${manual.id}`).set(as.manager).expect(204);
    expect(await stillListed()).toBe(false);
    await optOut('import');
    await t.http().put(`/api/leads/${leadId}/sms-opt-out`).set(as.admin).send({ optedOut: false }).expect(200);
    expect(await stillListed()).toBe(false);
  });

  it('still lets a plain user add a number to the list', async () => {
    await t.http().put(`/api/leads/${leadId}/sms-opt-out`).set(as.user).send({ optedOut: true }).expect(200);
    expect(await stillListed()).toBe(true);
  });
});
