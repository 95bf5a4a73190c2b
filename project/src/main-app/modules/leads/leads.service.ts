import { Injectable } from '@nestjs/common';
import type { CountryCode } from 'libphonenumber-js';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { DatabaseService } from 'src/core/database/database.service';
import type { smsMessages } from 'src/core/database/schema';
import { AppError, AppErrorCode, type FieldError } from 'src/core/errors/app-error';
import { DomainEvents, type EventActor } from 'src/core/events/domain-events';
import type { Page } from 'src/core/http/pagination';
import { normalizePhone } from 'src/shared/sms/phone.rules';
import { SmsOptOutsRepository } from 'src/shared/sms/repositories/sms-opt-outs.repository';
import {
  CreateLeadDto,
  LeadDto,
  type LeadLastSmsDto,
  type LeadListItemDto,
  LeadQueryDto,
  mapLead,
  UpdateLeadDto,
} from './dto/lead.dto';
import { LeadEventsRepository } from './lead-events.repository';
import { LeadsRepository } from './leads.repository';

const actorOfAuth = (auth: AuthContext): EventActor => ({ kind: auth.kind, id: auth.id });

@Injectable()
export class LeadsService {
  constructor(
    private readonly repository: LeadsRepository,
    private readonly leadEvents: LeadEventsRepository,
    private readonly database: DatabaseService,
    private readonly domainEvents: DomainEvents,
    private readonly optOuts: SmsOptOutsRepository,
  ) {}

  async list(auth: AuthContext, q: LeadQueryDto): Promise<Page<LeadListItemDto>> {
    const subAccountId = tenantOf(auth);
    const { items, total } = await this.repository.list(subAccountId, q);
    const [lastSms, optedOut] = await Promise.all([
      this.repository.lastSmsOf(
        subAccountId,
        items.map((l) => l.id),
      ),
      this.optOuts.optedOutAmong(
        subAccountId,
        items.flatMap((l) => (l.phone ? [l.phone] : [])),
      ),
    ]);
    const rows = items.map((l) => ({
      ...mapLead(l),
      lastSms: lastSmsDto(lastSms.get(l.id)),
      optedOut: l.phone !== null && optedOut.has(l.phone),
    }));
    return { items: rows, total, page: q.page, limit: q.limit };
  }

  async get(auth: AuthContext, id: number): Promise<LeadDto> {
    const row = await this.repository.find(tenantOf(auth), id);
    if (!row) throw AppError.notFound('Lead');
    return mapLead(row);
  }

  async create(auth: AuthContext, dto: CreateLeadDto): Promise<LeadDto> {
    const subAccountId = tenantOf(auth);
    const values = await this.checked(subAccountId, dto);
    const ownerId = dto.ownerId ?? (auth.kind === 'user' ? auth.id : undefined);
    const actor = actorOfAuth(auth);
    const row = await this.database.transaction(async (tx) => {
      const lead = await this.repository.create({ ...values, name: dto.name, ownerId, subAccountId }, tx);
      await this.leadEvents.record(tx, {
        subAccountId,
        leadId: lead.id,
        type: 'created',
        details: { status: lead.status },
        actor,
      });
      await this.domainEvents.emit(tx, {
        type: 'lead.created',
        subAccountId,
        leadId: lead.id,
        status: lead.status,
        actor,
      });
      return lead;
    });
    return mapLead(row);
  }

  /** Status and strategy changes go on the timeline and reach sequences and triggers in the same transaction. */
  async update(auth: AuthContext, id: number, dto: UpdateLeadDto): Promise<LeadDto> {
    const subAccountId = tenantOf(auth);
    const values = await this.checked(subAccountId, dto);
    const actor = actorOfAuth(auth);
    const row = await this.database.transaction(async (tx) => {
      const before = await this.repository.lockForUpdate(tx, subAccountId, id);
      if (!before) return undefined;
      const after = (await this.repository.update(subAccountId, id, values, tx))!;
      if (after.status !== before.status) {
        const change = { from: before.status, to: after.status };
        await this.leadEvents.record(tx, { subAccountId, leadId: id, type: 'status_changed', details: change, actor });
        await this.domainEvents.emit(tx, { type: 'lead.status_changed', subAccountId, leadId: id, ...change, actor });
      }
      if (after.strategyId !== before.strategyId) {
        const change = { from: before.strategyId, to: after.strategyId };
        await this.leadEvents.record(tx, {
          subAccountId,
          leadId: id,
          type: 'strategy_changed',
          details: change,
          actor,
        });
        await this.domainEvents.emit(tx, { type: 'lead.strategy_changed', subAccountId, leadId: id, ...change, actor });
      }
      return after;
    });
    if (!row) throw AppError.notFound('Lead');
    return mapLead(row);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    if (!(await this.repository.delete(tenantOf(auth), id))) throw AppError.notFound('Lead');
  }

  /** Normalises the phone and checks owner and strategy belong to the same SubAccount. */
  private async checked(subAccountId: number, dto: UpdateLeadDto) {
    const errors: FieldError[] = [];
    let phone = dto.phone;
    if (phone !== undefined && phone !== null && phone.trim() !== '') {
      const country = (await this.repository.defaultCountry(subAccountId)) as CountryCode;
      const result = normalizePhone(phone, country);
      if (result.ok) phone = result.e164;
      else errors.push({ field: 'phone', message: result.message });
    }
    if (dto.ownerId && !(await this.repository.ownerExists(subAccountId, dto.ownerId))) {
      errors.push({ field: 'ownerId', message: 'no such user in this SubAccount' });
    }
    if (dto.strategyId && !(await this.repository.strategyExists(subAccountId, dto.strategyId))) {
      errors.push({ field: 'strategyId', message: 'no such strategy in this SubAccount' });
    }
    if (errors.length) {
      throw new AppError(AppErrorCode.VALIDATION, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    }
    // null or blank clears the phone; undefined leaves it as it is
    return { ...dto, phone: phone === null || phone?.trim() === '' ? null : phone };
  }
}

function lastSmsDto(m: typeof smsMessages.$inferSelect | undefined): LeadLastSmsDto | null {
  if (!m) return null;
  const { id, direction, status, statusReason, createdAt } = m;
  return { id, direction, status, statusReason, preview: m.message.slice(0, 120), createdAt };
}
