import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from 'src/core/clock/clock';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import type { AuthContext, PrincipalKind, Role } from './auth-context';

export const STREAM_TICKET_SECONDS = 30;

interface TicketPayload {
  purpose: 'stream';
  sub: number;
  kind: PrincipalKind;
  email: string;
  role: Role;
  ver: number;
  /** The SubAccount the ticket was asked for in (an admin's X-SubAccount-Id, a user's own). */
  sa: number | null;
  jti: string;
}

/**
 * EventSource cannot send headers, and a token in a URL ends up in access logs and history. So the
 * panel asks for a ticket (signed, 30 seconds, good for one stream) and opens `...?ticket=`.
 */
@Injectable()
export class StreamTicketService {
  /** Redeemed ticket ids until they would have expired anyway. */
  private readonly used = new Map<string, number>();

  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  issue(auth: AuthContext, tokenVersion: number): Promise<string> {
    const payload: TicketPayload = {
      purpose: 'stream',
      sub: auth.id,
      kind: auth.kind,
      email: auth.email,
      role: auth.role,
      ver: tokenVersion,
      sa: auth.subAccountId,
      jti: randomUUID(),
    };
    return this.jwt.signAsync(payload, { expiresIn: STREAM_TICKET_SECONDS });
  }

  /** The ticket's claims, once; a second use, an expired or a forged ticket is refused. */
  async redeem(ticket: string): Promise<TicketPayload> {
    let payload: TicketPayload;
    try {
      payload = await this.jwt.verifyAsync<TicketPayload>(ticket);
    } catch {
      throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Stream ticket is invalid or expired: ask for a new one');
    }
    if (payload.purpose !== 'stream') throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Not a stream ticket');
    const now = this.clock.now().getTime();
    for (const [jti, until] of this.used) if (until < now) this.used.delete(jti);
    if (this.used.has(payload.jti)) {
      throw new AppError(AppErrorCode.UNAUTHENTICATED, 'Stream ticket was already used: ask for a new one');
    }
    this.used.set(payload.jti, now + STREAM_TICKET_SECONDS * 1000);
    return payload;
  }
}
