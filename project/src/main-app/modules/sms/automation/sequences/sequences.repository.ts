import { Injectable } from '@nestjs/common';
import { and, asc, count, eq } from 'drizzle-orm';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { smsSequences, smsSequenceSteps, smsTemplates, type LeadStatus } from 'src/core/database/schema';
import { inTenant } from 'src/core/tenancy/tenant-scope';

export type SequenceRow = typeof smsSequences.$inferSelect;
export type StepRow = typeof smsSequenceSteps.$inferSelect;
export type StepInput = Omit<typeof smsSequenceSteps.$inferInsert, 'id' | 'sequenceId' | 'position'>;

/** A strategy's sequence and its ordered steps. */
@Injectable()
export class SequencesRepository {
  constructor(private readonly database: DatabaseService) {}

  async forStrategy(subAccountId: number, strategyId: number, db: DbOrTx = this.database.db) {
    const [row] = await db
      .select()
      .from(smsSequences)
      .where(inTenant(smsSequences.subAccountId, subAccountId, eq(smsSequences.strategyId, strategyId)));
    return row;
  }

  async find(subAccountId: number, id: number, db: DbOrTx = this.database.db) {
    const [row] = await db
      .select()
      .from(smsSequences)
      .where(inTenant(smsSequences.subAccountId, subAccountId, eq(smsSequences.id, id)));
    return row;
  }

  /** Steps in order, with their template's name (served by sms_sequence_steps_position_idx). */
  async steps(sequenceId: number, db: DbOrTx = this.database.db) {
    return db
      .select({ step: smsSequenceSteps, templateName: smsTemplates.name })
      .from(smsSequenceSteps)
      .innerJoin(smsTemplates, eq(smsTemplates.id, smsSequenceSteps.templateId))
      .where(eq(smsSequenceSteps.sequenceId, sequenceId))
      .orderBy(asc(smsSequenceSteps.position));
  }

  async stepAt(sequenceId: number, position: number, db: DbOrTx = this.database.db) {
    const [row] = await db
      .select()
      .from(smsSequenceSteps)
      .where(and(eq(smsSequenceSteps.sequenceId, sequenceId), eq(smsSequenceSteps.position, position)));
    return row;
  }

  async stepCount(sequenceId: number, db: DbOrTx = this.database.db): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(smsSequenceSteps)
      .where(eq(smsSequenceSteps.sequenceId, sequenceId));
    return row?.n ?? 0;
  }

  /** Creates or replaces the strategy's sequence; steps are renumbered 0..n-1 in the order given. */
  async save(
    tx: DbOrTx,
    subAccountId: number,
    strategyId: number,
    values: { enabled: boolean; stopStatuses: LeadStatus[] },
    steps: StepInput[],
  ): Promise<SequenceRow> {
    const [sequence] = await tx
      .insert(smsSequences)
      .values({ subAccountId, strategyId, ...values })
      .onConflictDoUpdate({ target: smsSequences.strategyId, set: { ...values, updatedAt: new Date() } })
      .returning();
    await tx.delete(smsSequenceSteps).where(eq(smsSequenceSteps.sequenceId, sequence!.id));
    if (steps.length) {
      await tx
        .insert(smsSequenceSteps)
        .values(steps.map((s, position) => ({ ...s, sequenceId: sequence!.id, position })));
    }
    return sequence!;
  }
}
