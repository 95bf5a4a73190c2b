import { Injectable } from '@nestjs/common';
import type { CountryCode } from 'libphonenumber-js';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { AppError, AppErrorCode, type FieldError } from 'src/core/errors/app-error';
import type { Page } from 'src/core/http/pagination';
import { normalizePhone } from 'src/shared/sms/phone.rules';
import { CreateLeadDto, LeadDto, LeadQueryDto, mapLead, UpdateLeadDto } from './dto/lead.dto';
import { LeadsRepository } from './leads.repository';

@Injectable()
export class LeadsService {
  constructor(private readonly repository: LeadsRepository) {}

  async list(auth: AuthContext, q: LeadQueryDto): Promise<Page<LeadDto>> {
    const { items, total } = await this.repository.list(tenantOf(auth), q);
    return { items: items.map(mapLead), total, page: q.page, limit: q.limit };
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
    return mapLead(await this.repository.create({ ...values, name: dto.name, ownerId, subAccountId }));
  }

  async update(auth: AuthContext, id: number, dto: UpdateLeadDto): Promise<LeadDto> {
    const subAccountId = tenantOf(auth);
    const row = await this.repository.update(subAccountId, id, await this.checked(subAccountId, dto));
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
