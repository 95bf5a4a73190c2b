import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import type { Page } from 'src/core/http/pagination';
import { StrategiesRepository } from 'src/main-app/modules/strategies/strategies.repository';
import { validateBody } from 'src/shared/sms/segments';
import {
  CreateTemplateDto,
  mapTemplate,
  SmsTemplateDto,
  TemplateQueryDto,
  UpdateTemplateDto,
} from './dto/template.dto';
import { TemplatesRepository } from './templates.repository';

@Injectable()
export class TemplatesService {
  constructor(
    private readonly repository: TemplatesRepository,
    private readonly strategies: StrategiesRepository,
  ) {}

  async list(auth: AuthContext, q: TemplateQueryDto): Promise<Page<SmsTemplateDto>> {
    const { items, total } = await this.repository.list(tenantOf(auth), q);
    return { items: items.map(mapTemplate), total, page: q.page, limit: q.limit };
  }

  async get(auth: AuthContext, id: number): Promise<SmsTemplateDto> {
    const row = await this.repository.find(tenantOf(auth), id);
    if (!row) throw AppError.notFound('Template');
    return mapTemplate(row);
  }

  async create(auth: AuthContext, dto: CreateTemplateDto): Promise<SmsTemplateDto> {
    const subAccountId = tenantOf(auth);
    await this.check(subAccountId, dto);
    return mapTemplate(await this.repository.create({ ...dto, subAccountId }));
  }

  async update(auth: AuthContext, id: number, dto: UpdateTemplateDto): Promise<SmsTemplateDto> {
    const subAccountId = tenantOf(auth);
    await this.check(subAccountId, dto);
    const row = await this.repository.update(subAccountId, id, dto);
    if (!row) throw AppError.notFound('Template');
    return mapTemplate(row);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    const subAccountId = tenantOf(auth);
    if (await this.repository.usedByAutomation(subAccountId, id)) {
      throw new AppError(
        AppErrorCode.CONFLICT,
        'This template is used by a sequence step or a trigger: change those first',
      );
    }
    if (!(await this.repository.delete(subAccountId, id))) throw AppError.notFound('Template');
  }

  private async check(subAccountId: number, dto: UpdateTemplateDto): Promise<void> {
    if (dto.body !== undefined) {
      const body = validateBody(dto.body);
      if (!body.ok) throw AppError.validation('body', body.message);
    }
    if (dto.strategyId && !(await this.strategies.find(subAccountId, dto.strategyId))) {
      throw AppError.validation('strategyId', 'no such strategy in this SubAccount');
    }
  }
}
