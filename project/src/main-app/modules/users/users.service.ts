import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { hashPassword } from 'src/core/auth/password';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import type { Page, PageQueryDto } from 'src/core/http/pagination';
import { CreateUserDto, mapUser, UpdateUserDto, UserDto } from './dto/user.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly repository: UsersRepository) {}

  async list(auth: AuthContext, q: PageQueryDto): Promise<Page<UserDto>> {
    const { items, total } = await this.repository.list(tenantOf(auth), q);
    return { items: items.map(mapUser), total, page: q.page, limit: q.limit };
  }

  async get(auth: AuthContext, id: number): Promise<UserDto> {
    const row = await this.repository.find(tenantOf(auth), id);
    if (!row) throw AppError.notFound('User');
    return mapUser(row);
  }

  async create(auth: AuthContext, dto: CreateUserDto): Promise<UserDto> {
    const subAccountId = tenantOf(auth);
    this.assertCanManage(auth);
    const email = dto.email.trim().toLowerCase();
    if (await this.repository.emailTaken(email)) {
      throw new AppError(AppErrorCode.CONFLICT, 'email: already in use', [
        { field: 'email', message: 'already in use' },
      ]);
    }
    const row = await this.repository.create({
      subAccountId,
      email,
      name: dto.name,
      role: dto.role ?? 'user',
      passwordHash: await hashPassword(dto.password),
    });
    return mapUser(row);
  }

  async update(auth: AuthContext, id: number, dto: UpdateUserDto): Promise<UserDto> {
    const subAccountId = tenantOf(auth);
    // A user may edit their own name and password; changing a role (even their own) takes a manager.
    const self = auth.kind === 'user' && auth.id === id;
    if (!self || dto.role !== undefined) this.assertCanManage(auth);
    const { password, ...rest } = dto;
    const row = await this.repository.update(subAccountId, id, {
      ...rest,
      ...(password ? { passwordHash: await hashPassword(password) } : {}),
    });
    if (!row) throw AppError.notFound('User');
    return mapUser(row);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    const subAccountId = tenantOf(auth);
    this.assertCanManage(auth);
    if (!(await this.repository.delete(subAccountId, id))) throw AppError.notFound('User');
  }

  private assertCanManage(auth: AuthContext): void {
    if (auth.kind !== 'admin' && auth.role !== 'manager') {
      throw new AppError(AppErrorCode.FORBIDDEN, 'Only admins and managers manage users');
    }
  }
}
