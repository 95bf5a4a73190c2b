import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AccessTokenPayload, AuthContext } from 'src/core/auth/auth-context';
import { burnPasswordCheck, hashPassword, verifyPassword } from 'src/core/auth/password';
import { PrincipalStateCache } from 'src/core/auth/principal-state.cache';
import { STREAM_TICKET_SECONDS, StreamTicketService } from 'src/core/auth/stream-ticket.service';
import { Clock } from 'src/core/clock/clock';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { AuthRepository, type Principal } from './auth.repository';
import type { MeDto, StreamTicketDto, TokensDto } from './dto/auth.dto';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { afterFailure, lockedForSeconds } from './login-throttle';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const REFRESH_TOKEN_DAYS = 30;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly principals: PrincipalStateCache,
    private readonly tickets: StreamTicketService,
  ) {}

  /** Counts failures per (email, address): someone elsewhere cannot lock the account for its owner. */
  async login(email: string, password: string, ip: string): Promise<TokensDto> {
    const now = this.clock.now();
    const key = email.trim().toLowerCase();
    const attempt = await this.attempts.find(key, ip);
    const wait = lockedForSeconds(attempt, now);
    if (wait > 0) {
      throw new AppError(
        AppErrorCode.LOCKED_OUT,
        `Too many failed sign-in attempts from this address: try again in ${wait} second${wait === 1 ? '' : 's'}`,
        { retryAfterSeconds: wait },
      );
    }
    const principal = await this.repository.findPrincipalByEmail(key);
    const ok = principal ? await verifyPassword(password, principal.passwordHash) : await burnPasswordCheck(password);
    if (!principal || !ok || principal.disabled) {
      await this.attempts.save(key, ip, afterFailure(attempt, now), now);
      throw this.badCredentials();
    }
    if (attempt) await this.attempts.clear(key, ip);
    return this.issue(principal, randomUUID());
  }

  /** Asks for the current password; every other session of the account ends, this one gets new tokens. */
  async changePassword(auth: AuthContext, currentPassword: string, newPassword: string): Promise<TokensDto> {
    const principal = await this.repository.findPrincipal(auth.kind, auth.id);
    if (!principal) throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Account no longer exists');
    if (!(await verifyPassword(currentPassword, principal.passwordHash))) {
      throw AppError.validation('currentPassword', 'is not your current password');
    }
    await this.repository.setPasswordHash(principal, await hashPassword(newPassword));
    await this.principals.endSessions(principal.kind, principal.id);
    const fresh = await this.repository.findPrincipal(auth.kind, auth.id);
    return this.issue(fresh!, randomUUID());
  }

  /** A one-time, 30-second ticket for opening a Server-Sent Events stream (EventSource sends no headers). */
  async streamTicket(auth: AuthContext): Promise<StreamTicketDto> {
    const principal = await this.repository.findPrincipal(auth.kind, auth.id);
    if (!principal) throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Account no longer exists');
    return { ticket: await this.tickets.issue(auth, principal.tokenVersion), expiresIn: STREAM_TICKET_SECONDS };
  }

  async refresh(refreshToken: string): Promise<TokensDto> {
    const now = this.clock.now();
    const row = await this.repository.findRefreshToken(sha256(refreshToken));
    if (!row || row.expiresAt <= now)
      throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Refresh token is invalid or expired');
    if (row.revokedAt || !(await this.repository.revokeRefreshToken(row.id, now))) {
      // A used token presented again means it leaked: end the whole session.
      await this.repository.revokeFamily(row.familyId, now);
      throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Refresh token was already used; sign in again');
    }
    const principal = await this.repository.findPrincipal(row.principalKind, row.principalId);
    if (!principal || principal.disabled) {
      throw new AppError(AppErrorCode.UNAUTHENTICATED, 'This account was removed or disabled');
    }
    return this.issue(principal, row.familyId);
  }

  async logout(refreshToken: string): Promise<void> {
    const row = await this.repository.findRefreshToken(sha256(refreshToken));
    if (row) await this.repository.revokeFamily(row.familyId, this.clock.now());
  }

  async me(auth: AuthContext): Promise<MeDto> {
    const principal = await this.repository.findPrincipal(auth.kind, auth.id);
    if (!principal) throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Account no longer exists');
    return this.toMe(principal);
  }

  private async issue(principal: Principal, familyId: string): Promise<TokensDto> {
    const payload: AccessTokenPayload = {
      sub: principal.id,
      kind: principal.kind,
      email: principal.email,
      role: principal.role,
      ver: principal.tokenVersion,
      ...(principal.subAccountId !== null ? { sa: principal.subAccountId } : {}),
    };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: ACCESS_TOKEN_SECONDS });
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.repository.insertRefreshToken({
      tokenHash: sha256(refreshToken),
      principalKind: principal.kind,
      principalId: principal.id,
      familyId,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000),
    });
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_SECONDS, user: await this.toMe(principal) };
  }

  private async toMe(p: Principal): Promise<MeDto> {
    return {
      id: p.id,
      kind: p.kind,
      email: p.email,
      name: p.name,
      role: p.role,
      subAccountId: p.subAccountId,
      subAccounts: await this.repository.listSubAccounts(p),
    };
  }

  private badCredentials(): AppError {
    return new AppError(AppErrorCode.UNAUTHENTICATED, 'Invalid email or password');
  }
}
