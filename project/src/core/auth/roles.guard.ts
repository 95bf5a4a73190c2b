import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { ADMIN_ONLY, IS_PUBLIC, type AuthedRequest } from './auth.decorators';
import { hasRole, REQUIRED_ROLE, roleLabel, type AccessRole } from './roles';

/** Global guard after AuthGuard: the caller's role must reach the route's (fails closed without a decision). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const auth = context.switchToHttp().getRequest<AuthedRequest>().auth;
    if (!auth) throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Authentication required');
    const needed = this.reflector.getAllAndOverride<AccessRole>(REQUIRED_ROLE, targets);
    const adminOnly = this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) ?? false;
    if (!needed && !adminOnly) {
      throw new AppError(AppErrorCode.FORBIDDEN, 'This route has no role decision yet: refused until it has one');
    }
    if (needed && !hasRole(auth, needed)) {
      throw new AppError(AppErrorCode.FORBIDDEN, `Only ${roleLabel(needed)} can do this`);
    }
    return true;
  }
}
