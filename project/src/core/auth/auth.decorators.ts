import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import type { AuthContext } from './auth-context';

export const IS_PUBLIC = 'auth:public';
export const STREAM_TICKET = 'auth:stream-ticket';
export const ADMIN_ONLY = 'auth:admin-only';

/** No login needed (login itself, health, Twilio webhooks which check their own signature). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** EventSource cannot send headers: this route also accepts `?ticket=` from POST /api/auth/stream-ticket. */
export const AllowStreamTicket = () => SetMetadata(STREAM_TICKET, true);
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

export type AuthedRequest = FastifyRequest & { auth?: AuthContext; requestId?: string };

export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Authentication required');
  return auth;
});

/** The SubAccount the call acts in; an admin must name one with the X-SubAccount-Id header. */
export function tenantOf(auth: AuthContext): number {
  if (auth.subAccountId === null) {
    throw new AppError(
      AppErrorCode.TENANT_REQUIRED,
      'Choose a SubAccount: send the X-SubAccount-Id header with the id of a SubAccount you manage',
    );
  }
  return auth.subAccountId;
}
