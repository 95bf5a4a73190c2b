import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AccessTokenPayload, AuthContext } from 'src/core/auth/auth-context';
import { verifyPassword } from 'src/core/auth/password';
import { Clock } from 'src/core/clock/clock';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { AuthRepository, type Principal } from './auth.repository';
import type { MeDto, TokensDto } from './dto/auth.dto';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const REFRESH_TOKEN_DAYS = 30;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  async login(email: string, password: string): Promise<TokensDto> {
    const now = this.clock.now();
    const principal = await this.repository.findPrincipalByEmail(email.trim().toLowerCase());
    if (!principal) throw this.badCredentials();
    if (principal.lockedUntil && principal.lockedUntil > now) {
      const minutes = Math.ceil((principal.lockedUntil.getTime() - now.getTime()) / 60_000);
      throw new AppError(
        AppErrorCode.LOCKED_OUT,
        `Too many failed sign-in attempts: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      );
    }
    if (!(await verifyPassword(password, principal.passwordHash))) {
      const failed = principal.failedLoginCount + 1;
      const locked = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
      await this.repository.recordLoginResult(principal, locked ? 0 : failed, locked);
      throw this.badCredentials();
    }
    await this.repository.recordLoginResult(principal, 0, null);
    return this.issue(principal, randomUUID());
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
    if (!principal) throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Account no longer exists');
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
