import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { and, eq, getTableColumns, gte, like, lte, sql } from 'drizzle-orm';
import type { AuthContext } from 'src/core/auth/auth-context';
import { AdminOnly, CurrentAuth, tenantOf } from 'src/core/auth/auth.decorators';
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
    const where = and(
      eq(smsAuditLog.subAccountId, tenantOf(auth)),
      kind ? eq(smsAuditLog.actorKind, kind as 'user') : undefined,
      id ? eq(smsAuditLog.actorId, Number(id)) : undefined,
      q.action
        ? q.action.endsWith('.')
          ? like(smsAuditLog.action, `${q.action}%`)
          : eq(smsAuditLog.action, q.action)
        : undefined,
      q.from ? gte(smsAuditLog.createdAt, new Date(q.from)) : undefined,
      q.to ? lte(smsAuditLog.createdAt, new Date(q.to)) : undefined,
    );
    const db = this.database.db;
    const select = db
      .select({
        ...getTableColumns(smsAuditLog),
        // People read names, not "Admin #1"; null for system and Twilio, or a deleted account.
        actorName: sql<string | null>`coalesce(${users.name}, ${adminUsers.name})`,
        ...keysetColumns(AUDIT_ORDER),
      })
      .from(smsAuditLog)
      .leftJoin(users, and(eq(smsAuditLog.actorKind, 'user'), eq(users.id, smsAuditLog.actorId)))
      .leftJoin(adminUsers, and(eq(smsAuditLog.actorKind, 'admin'), eq(adminUsers.id, smsAuditLog.actorId)))
      .$dynamic();
    const { items, nextCursor, ...total } = await keysetPage(
      db,
      select,
      smsAuditLog,
      AUDIT_ORDER,
      where,
      keysetQueryOf(q),
    );
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
