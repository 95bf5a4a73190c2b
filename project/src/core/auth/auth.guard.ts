import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { ManagedSubAccountsRepository } from 'src/core/tenancy/managed-sub-accounts.repository';
import type { AccessTokenPayload, AuthContext } from './auth-context';
import { ADMIN_ONLY, IS_PUBLIC, STREAM_TICKET, type AuthedRequest } from './auth.decorators';
import { PrincipalStateCache } from './principal-state.cache';
import { StreamTicketService } from './stream-ticket.service';
import { VerifiedTokens } from './verified-tokens';

/** Global guard: verifies the access token, that its account still stands, and fixes the request's tenant. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens<AccessTokenPayload & { exp?: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly managed: ManagedSubAccountsRepository,
    private readonly principals: PrincipalStateCache,
    private readonly tickets: StreamTicketService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const ticket = (req.query as Record<string, unknown>).ticket;
    if (
      this.reflector.getAllAndOverride<boolean>(STREAM_TICKET, targets) &&
      !req.headers.authorization &&
      typeof ticket === 'string'
    ) {
      const claims = await this.tickets.redeem(ticket);
      const auth = await this.current({ ...claims, purpose: undefined, sa: undefined });
      req.auth = await this.withSubAccount(auth, claims.sa === null ? undefined : String(claims.sa));
    } else {
      const auth = await this.current(await this.verify(this.tokenOf(req)));
      const header = req.headers['x-subaccount-id'];
      req.auth = await this.withSubAccount(auth, typeof header === 'string' ? header : undefined);
    }
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && req.auth.kind !== 'admin') {
      throw new AppError(AppErrorCode.FORBIDDEN, 'Only admins can do this');
    }
    return true;
  }

  private tokenOf(req: AuthedRequest): string {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7);
    throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Authentication required: send Authorization: Bearer <token>');
  }

  private async verify(token: string): Promise<AccessTokenPayload> {
    const known = this.verified.get(token);
    if (known) return known;
    let payload: AccessTokenPayload & { exp?: number };
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch (e) {
      const expired = (e as { name?: string }).name === 'TokenExpiredError';
      throw new AppError(AppErrorCode.UNAUTHENTICATED, expired ? 'Access token expired' : 'Invalid access token');
    }
    if (payload.purpose !== undefined) throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Invalid access token');
    this.verified.remember(token, payload);
    return payload;
  }

  /**
   * The token's account as it stands now (at most PRINCIPAL_STATE_TTL_MS old): deleted, disabled or
   * with a raised token version ends the session; the role is the current one, not the token's.
   */
  private async current(payload: AccessTokenPayload): Promise<AuthContext> {
    const state = await this.principals.get(payload.kind, payload.sub);
    if (!state || state.disabled) {
      throw new AppError(AppErrorCode.UNAUTHENTICATED, 'This account was removed or disabled');
    }
    if ((payload.ver ?? 0) !== state.tokenVersion) {
      throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Session ended (role or password changed): sign in again');
    }
    const base = { kind: payload.kind, id: payload.sub, email: payload.email, role: state.role };
    return { ...base, subAccountId: payload.kind === 'user' ? state.subAccountId : null };
  }

  /** An admin acts in the SubAccount they name (X-SubAccount-Id), if they manage it. */
  private async withSubAccount(auth: AuthContext, chosen: string | undefined): Promise<AuthContext> {
    if (auth.kind !== 'admin' || chosen === undefined || chosen === '') return auth;
    if (!/^\d{1,10}$/.test(chosen) || Number(chosen) <= 0 || Number(chosen) > 2_147_483_647) {
      throw AppError.validation('X-SubAccount-Id', 'must be a positive integer');
    }
    const id = Number(chosen);
    if (!(await this.managed.isManagedBy(id, auth.id, auth.role))) {
      throw new AppError(AppErrorCode.FORBIDDEN, `You do not manage SubAccount ${id}`);
    }
    return { ...auth, subAccountId: id };
  }
}
