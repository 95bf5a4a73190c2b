import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { hashPassword } from 'src/core/auth/password';
import { PrincipalStateCache } from 'src/core/auth/principal-state.cache';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import type { Page, PageQueryDto } from 'src/core/http/pagination';
import { CreateUserDto, mapUser, UpdateUserDto, UserDto } from './dto/user.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly principals: PrincipalStateCache,
  ) {}

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
    // A user may edit their own name; changing a role or disabling (even their own) takes a manager.
    const self = auth.kind === 'user' && auth.id === id;
    if (!self || dto.role !== undefined || dto.disabled !== undefined) this.assertCanManage(auth);
    if (self && dto.password !== undefined) {
      throw AppError.validation(
        'password',
        'change your own password with POST /api/auth/password, which asks for the current one',
      );
    }
    const before = await this.repository.find(subAccountId, id);
    if (!before) throw AppError.notFound('User');
    const { password, disabled, ...rest } = dto;
    const row = await this.repository.update(subAccountId, id, {
      ...rest,
      ...(password ? { passwordHash: await hashPassword(password) } : {}),
      ...(disabled !== undefined ? { disabledAt: disabled ? (before.disabledAt ?? new Date()) : null } : {}),
    });
    if (!row) throw AppError.notFound('User');
    const demoted = dto.role !== undefined && dto.role !== before.role;
    if (demoted || password || (disabled && !before.disabledAt)) await this.principals.endSessions('user', id);
    else this.principals.forget('user', id);
    return mapUser(row);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    const subAccountId = tenantOf(auth);
    this.assertCanManage(auth);
    if (!(await this.repository.delete(subAccountId, id))) throw AppError.notFound('User');
    this.principals.forget('user', id);
  }

  private assertCanManage(auth: AuthContext): void {
    if (auth.kind !== 'admin' && auth.role !== 'manager') {
      throw new AppError(AppErrorCode.FORBIDDEN, 'Only admins and managers manage users');
    }
  }
}
