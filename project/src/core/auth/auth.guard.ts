import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { ManagedSubAccountsRepository } from 'src/core/tenancy/managed-sub-accounts.repository';
import type { AccessTokenPayload, AuthContext } from './auth-context';
import { ADMIN_ONLY, IS_PUBLIC, QUERY_TOKEN, type AuthedRequest } from './auth.decorators';

/** Global guard: verifies the access token and fixes the tenant of the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly managed: ManagedSubAccountsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const allowQuery = this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, targets) ?? false;
    const payload = await this.verify(this.tokenOf(req, allowQuery));
    req.auth = await this.contextOf(payload, this.chosenSubAccount(req, allowQuery));
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && req.auth.kind !== 'admin') {
      throw new AppError(AppErrorCode.FORBIDDEN, 'Only admins can do this');
    }
    return true;
  }

  private tokenOf(req: AuthedRequest, allowQuery: boolean): string {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7);
    const query = req.query.access_token;
    if (allowQuery && typeof query === 'string') return query;
    throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Authentication required: send Authorization: Bearer <token>');
  }

  private async verify(token: string): Promise<AccessTokenPayload> {
    try {
      return await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch (e) {
      const expired = (e as { name?: string }).name === 'TokenExpiredError';
      throw new AppError(AppErrorCode.UNAUTHENTICATED, expired ? 'Access token expired' : 'Invalid access token');
    }
  }

  private chosenSubAccount(req: AuthedRequest, allowQuery: boolean): string | undefined {
    const header = req.headers['x-subaccount-id'];
    if (typeof header === 'string' && header !== '') return header;
    const query = req.query.subAccountId;
    return allowQuery && typeof query === 'string' ? query : undefined;
  }

  private async contextOf(payload: AccessTokenPayload, chosen: string | undefined): Promise<AuthContext> {
    const base = { kind: payload.kind, id: payload.sub, email: payload.email, role: payload.role };
    if (payload.kind === 'user') return { ...base, subAccountId: payload.sa ?? null };
    if (chosen === undefined) return { ...base, subAccountId: null };
    const id = Number(chosen);
    if (!Number.isInteger(id) || id <= 0) {
      throw AppError.validation('X-SubAccount-Id', 'must be a positive integer');
    }
    if (!(await this.managed.isManagedBy(id, payload.sub, payload.role))) {
      throw new AppError(AppErrorCode.FORBIDDEN, `You do not manage SubAccount ${id}`);
    }
    return { ...base, subAccountId: id };
  }
}
