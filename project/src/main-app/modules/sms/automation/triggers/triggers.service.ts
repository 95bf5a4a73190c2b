import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { AppError } from 'src/core/errors/app-error';
import type { Page, PageQueryDto } from 'src/core/http/pagination';
import { SmsAuditRepository } from 'src/shared/sms/audit/sms-audit.repository';
import { TemplatesRepository } from '../../templates/templates.repository';
import { CreateTriggerDto, mapTrigger, SmsTriggerDto, UpdateTriggerDto } from './dto/trigger.dto';
import { TriggersRepository, type TriggerRow } from './triggers.repository';

@Injectable()
export class TriggersService {
  constructor(
    private readonly repository: TriggersRepository,
    private readonly templates: TemplatesRepository,
    private readonly audit: SmsAuditRepository,
  ) {}

  async list(auth: AuthContext, q: PageQueryDto): Promise<Page<SmsTriggerDto>> {
    const { items, total } = await this.repository.list(tenantOf(auth), q);
    return { items: items.map(mapTrigger), total, page: q.page, limit: q.limit };
  }

  async get(auth: AuthContext, id: number): Promise<SmsTriggerDto> {
    const row = await this.repository.find(tenantOf(auth), id);
    if (!row) throw AppError.notFound('Trigger');
    return mapTrigger(row);
  }

  async create(auth: AuthContext, dto: CreateTriggerDto): Promise<SmsTriggerDto> {
    const subAccountId = tenantOf(auth);
    const values = await this.checked(subAccountId, dto, dto);
    const row = await this.repository.create({ ...values, subAccountId });
    await this.record(auth, 'trigger.create', row.id, { name: row.name, event: row.event, toStatus: row.toStatus });
    return this.get(auth, row.id);
  }

  async update(auth: AuthContext, id: number, dto: UpdateTriggerDto): Promise<SmsTriggerDto> {
    const subAccountId = tenantOf(auth);
    const current = await this.repository.find(subAccountId, id);
    if (!current) throw AppError.notFound('Trigger');
    const values = await this.checked(subAccountId, dto, { ...current.trigger, ...dto });
    await this.repository.update(subAccountId, id, values);
    await this.record(auth, 'trigger.update', id, { ...dto });
    return this.get(auth, id);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    if (!(await this.repository.delete(tenantOf(auth), id))) throw AppError.notFound('Trigger');
    await this.record(auth, 'trigger.delete', id, {});
  }

  /** The event decides toStatus: required for a status change, cleared for lead creation. */
  private async checked<T extends UpdateTriggerDto>(
    subAccountId: number,
    dto: T,
    merged: Pick<TriggerRow, 'event'> & { toStatus?: TriggerRow['toStatus'] },
  ) {
    if (dto.templateId !== undefined && !(await this.templates.find(subAccountId, dto.templateId))) {
      throw AppError.validation('templateId', 'no such template in this SubAccount');
    }
    if (merged.event === 'status_changed' && !merged.toStatus) {
      throw AppError.validation('toStatus', 'choose the status that fires the trigger');
    }
    return { ...dto, toStatus: merged.event === 'lead_created' ? null : merged.toStatus };
  }

  private record(auth: AuthContext, action: string, id: number, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({
      subAccountId: tenantOf(auth),
      actorKind: auth.kind,
      actorId: auth.id,
      action,
      targetType: 'sms_trigger',
      targetId: String(id),
      details,
    });
  }
}
