import { Injectable } from '@nestjs/common';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { smsAuditLog } from 'src/core/database/schema';

export type AuditEntry = typeof smsAuditLog.$inferInsert;

/** Append-only: nothing in the API updates or deletes sms_audit_log. */
@Injectable()
export class SmsAuditRepository {
  constructor(private readonly database: DatabaseService) {}

  async record(entry: AuditEntry, db: DbOrTx = this.database.db): Promise<void> {
    await db.insert(smsAuditLog).values(entry);
  }
}
