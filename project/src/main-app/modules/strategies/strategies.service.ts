import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { AppError } from 'src/core/errors/app-error';
import type { Page, PageQueryDto } from 'src/core/http/pagination';
import { CreateStrategyDto, mapStrategy, StrategyDto, UpdateStrategyDto } from './dto/strategy.dto';
import { StrategiesRepository } from './strategies.repository';

@Injectable()
export class StrategiesService {
  constructor(private readonly repository: StrategiesRepository) {}

  async list(auth: AuthContext, q: PageQueryDto): Promise<Page<StrategyDto>> {
    const { items, total } = await this.repository.list(tenantOf(auth), q);
    return { items: items.map(mapStrategy), total, page: q.page, limit: q.limit };
  }

  async get(auth: AuthContext, id: number): Promise<StrategyDto> {
    const row = await this.repository.find(tenantOf(auth), id);
    if (!row) throw AppError.notFound('Strategy');
    return mapStrategy(row);
  }

  async create(auth: AuthContext, dto: CreateStrategyDto): Promise<StrategyDto> {
    return mapStrategy(await this.repository.create({ ...dto, subAccountId: tenantOf(auth) }));
  }

  async update(auth: AuthContext, id: number, dto: UpdateStrategyDto): Promise<StrategyDto> {
    const row = await this.repository.update(tenantOf(auth), id, dto);
    if (!row) throw AppError.notFound('Strategy');
    return mapStrategy(row);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    if (!(await this.repository.delete(tenantOf(auth), id))) throw AppError.notFound('Strategy');
  }
}
