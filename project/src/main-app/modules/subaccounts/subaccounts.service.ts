import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import type { Page, PageQueryDto } from 'src/core/http/pagination';
import { ManagedSubAccountsRepository } from 'src/core/tenancy/managed-sub-accounts.repository';
import { CreateSubAccountDto, mapSubAccount, SubAccountDto, UpdateSubAccountDto } from './dto/subaccount.dto';
import { SubAccountsRepository, type ManagerScope } from './subaccounts.repository';

@Injectable()
export class SubAccountsService {
  constructor(
    private readonly repository: SubAccountsRepository,
    private readonly managed: ManagedSubAccountsRepository,
  ) {}

  private scope(auth: AuthContext): ManagerScope {
    if (auth.kind !== 'admin') throw new AppError(AppErrorCode.FORBIDDEN, 'Only admins manage SubAccounts');
    return auth.role === 'super_admin' ? null : auth.id;
  }

  async list(auth: AuthContext, q: PageQueryDto): Promise<Page<SubAccountDto>> {
    const { items, total } = await this.repository.list(this.scope(auth), q);
    return { items: items.map(mapSubAccount), total, page: q.page, limit: q.limit };
  }

  async get(auth: AuthContext, id: number): Promise<SubAccountDto> {
    const row = await this.repository.find(this.scope(auth), id);
    if (!row) throw AppError.notFound('SubAccount');
    return mapSubAccount(row);
  }

  async create(auth: AuthContext, dto: CreateSubAccountDto): Promise<SubAccountDto> {
    this.scope(auth);
    return mapSubAccount(await this.repository.create({ ...dto, createdByAdminId: auth.id }));
  }

  async update(auth: AuthContext, id: number, dto: UpdateSubAccountDto): Promise<SubAccountDto> {
    const row = await this.repository.update(this.scope(auth), id, dto);
    if (!row) throw AppError.notFound('SubAccount');
    return mapSubAccount(row);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    if (!(await this.repository.delete(this.scope(auth), id))) throw AppError.notFound('SubAccount');
    this.managed.forget(id);
  }
}
