import { Injectable } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import type { PrincipalKind } from './auth-context';
import { PrincipalSessionsRepository, type PrincipalState } from './principal-sessions.repository';

/**
 * How long another process's change (a user deleted, disabled or demoted through another API instance)
 * may go unseen. Changes made through this process are seen at once: they call `endSessions`.
 */
export const PRINCIPAL_STATE_TTL_MS = 5_000;

interface Entry {
  state: PrincipalState | undefined;
  loadedAt: number;
}

/** The guard's view of each signed-in account, at most a few seconds old. */
@Injectable()
export class PrincipalStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly repository: PrincipalSessionsRepository,
    private readonly clock: Clock,
  ) {}

  async get(kind: PrincipalKind, id: number): Promise<PrincipalState | undefined> {
    const key = `${kind}:${id}`;
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.loadedAt < PRINCIPAL_STATE_TTL_MS && now >= hit.loadedAt) return hit.state;
    const state = await this.repository.state(kind, id);
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(key, { state, loadedAt: now });
    return state;
  }

  /** Forgets every account (tests that truncate the accounts and so reuse their ids). */
  clear(): void {
    this.entries.clear();
  }

  forget(kind: PrincipalKind, id: number): void {
    this.entries.delete(`${kind}:${id}`);
  }

  /** Every access and refresh token of the account stops working now. */
  async endSessions(kind: PrincipalKind, id: number): Promise<void> {
    await this.repository.endSessions(kind, id, this.clock.now());
    this.forget(kind, id);
  }
}
