import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { and, eq, getTableColumns, gte, like, lte, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { AuthContext } from 'src/core/auth/auth-context';
import { AdminOnly, CurrentAuth, tenantOf } from 'src/core/auth/auth.decorators';
import { QueryValues } from 'src/core/database/compiled-queries';
import { DatabaseService } from 'src/core/database/database.service';
import { adminUsers, smsAuditLog, users } from 'src/core/database/schema';
import { keysetColumns, keysetPage, keysetQueryOf, type KeysetKey } from 'src/core/database/keyset-page';
import { ApiPageResponse, pageOf, type Page } from 'src/core/http/pagination';
import { AuditEntryDto, AuditQueryDto } from './audit.dto';

/** Reads the append-only audit log, newest first (sms_audit_sub_account_idx: sub_account_id, created_at, id). Nothing updates or deletes it. */
@Injectable()
export class AuditService {
  constructor(private readonly database: DatabaseService) {}

  async list(auth: AuthContext, q: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const [kind, id] = q.actor?.split(':') ?? [];
    const v = new QueryValues();
    const where = and(
      eq(smsAuditLog.subAccountId, v.$('subAccountId', tenantOf(auth))),
      kind ? eq(smsAuditLog.actorKind, v.$('actorKind', kind)) : undefined,
      id ? eq(smsAuditLog.actorId, v.$('actorId', Number(id))) : undefined,
      q.action
        ? q.action.endsWith('.')
          ? like(smsAuditLog.action, v.$('actionPrefix', `${q.action}%`))
          : eq(smsAuditLog.action, v.$('action', q.action))
        : undefined,
      q.from ? gte(smsAuditLog.createdAt, v.$('from', new Date(q.from))) : undefined,
      q.to ? lte(smsAuditLog.createdAt, v.$('to', new Date(q.to))) : undefined,
    );
    const db = this.database.db;
    const list = {
      name: 'audit',
      key: AUDIT_ORDER,
      rows: () =>
        db
          .select({
            ...getTableColumns(smsAuditLog),
            // People read names, not "Admin #1"; null for system and Twilio, or a deleted account.
            actorName: sql<string | null>`coalesce(${users.name}, ${adminUsers.name})`,
            ...keysetColumns(AUDIT_ORDER),
          })
          .from(smsAuditLog)
          .leftJoin(users, and(eq(smsAuditLog.actorKind, 'user'), eq(users.id, smsAuditLog.actorId)))
          .leftJoin(adminUsers, and(eq(smsAuditLog.actorKind, 'admin'), eq(adminUsers.id, smsAuditLog.actorId)))
          .$dynamic(),
      matching: (fields: SelectedFields) => db.select(fields).from(smsAuditLog).$dynamic(),
      // Only the SubAccount's newest entries (sms_audit_sub_account_idx) have one plan for any values.
      plan: kind || id || q.action || q.from || q.to ? ('perValues' as const) : ('reusable' as const),
    };
    const { items, nextCursor, ...total } = await keysetPage(db, list, where, v, keysetQueryOf(q));
    return pageOf(items, { ...total, nextCursor }, q);
  }
}

const AUDIT_ORDER: KeysetKey = { at: smsAuditLog.createdAt, id: smsAuditLog.id };

@ApiTags('sms audit')
@ApiBearerAuth()
@AdminOnly()
@Controller('sms/audit')
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @Get()
  @ApiPageResponse(AuditEntryDto)
  list(@CurrentAuth() auth: AuthContext, @Query() q: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.service.list(auth, q);
  }
}
