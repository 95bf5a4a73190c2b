import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { and, desc, eq, getTableColumns, gte, like, lte, sql } from 'drizzle-orm';
import type { AuthContext } from 'src/core/auth/auth-context';
import { AdminOnly, CurrentAuth, tenantOf } from 'src/core/auth/auth.decorators';
import { boundedTotal } from 'src/core/database/bounded-count';
import { DatabaseService } from 'src/core/database/database.service';
import { adminUsers, smsAuditLog, users } from 'src/core/database/schema';
import { ApiPageResponse, offsetOf, type Page } from 'src/core/http/pagination';
import { AuditEntryDto, AuditQueryDto } from './audit.dto';

/** Reads the append-only audit log (served by sms_audit_sub_account_idx). Nothing updates or deletes it. */
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
    const [items, total] = await Promise.all([
      db
        .select({
          ...getTableColumns(smsAuditLog),
          // People read names, not "Admin #1"; null for system and Twilio, or a deleted account.
          actorName: sql<string | null>`coalesce(${users.name}, ${adminUsers.name})`,
        })
        .from(smsAuditLog)
        .leftJoin(users, and(eq(smsAuditLog.actorKind, 'user'), eq(users.id, smsAuditLog.actorId)))
        .leftJoin(adminUsers, and(eq(smsAuditLog.actorKind, 'admin'), eq(adminUsers.id, smsAuditLog.actorId)))
        .where(where)
        .orderBy(desc(smsAuditLog.createdAt), desc(smsAuditLog.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      boundedTotal(db, (limit) =>
        db
          .select({ one: sql`1` })
          .from(smsAuditLog)
          .where(where)
          .limit(limit),
      ),
    ]);
    return { items, ...total, page: q.page, limit: q.limit };
  }
}

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
