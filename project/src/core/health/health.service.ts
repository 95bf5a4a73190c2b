import { Injectable } from '@nestjs/common';
import { isDatabaseUnavailable } from 'src/core/database/connection-errors';
import { DatabaseService } from 'src/core/database/database.service';

export interface HealthCheck {
  status: 'ok' | 'down';
  [detail: string]: unknown;
}

/** Other modules (the dispatcher, the provider) add their own checks. */
export interface HealthContributor {
  name: string;
  check(): Promise<HealthCheck>;
}

export interface HealthReport {
  status: 'ok' | 'down';
  checks: Record<string, HealthCheck>;
}

/** A check that has not answered by then is down: health must answer while the database hangs. */
const CHECK_TIMEOUT_MS = 4_000;

@Injectable()
export class HealthService {
  private readonly contributors: HealthContributor[] = [];

  constructor(private readonly database: DatabaseService) {
    this.register({ name: 'database', check: () => this.checkDatabase() });
  }

  register(contributor: HealthContributor): void {
    this.contributors.push(contributor);
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(this.contributors.map(async (c) => [c.name, await this.run(c)] as const));
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, c]) => c.status === 'ok') ? 'ok' : 'down', checks };
  }

  /** True when the last report found the database unreachable (the controller adds Retry-After). */
  databaseUnreachable(report: HealthReport): boolean {
    return report.checks.database?.reachable === false;
  }

  private async run(contributor: HealthContributor): Promise<HealthCheck> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    try {
      return await Promise.race([contributor.check(), timeout]);
    } catch (e) {
      return { status: 'down', error: e instanceof Error ? e.message : String(e) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async checkDatabase(): Promise<HealthCheck> {
    const started = Date.now();
    try {
      await this.database.ping();
    } catch (e) {
      const reachable = !isDatabaseUnavailable(e);
      const error = e instanceof Error ? e.message : String(e);
      return { status: 'down', driver: this.database.driver, reachable, error };
    }
    return { status: 'ok', driver: this.database.driver, reachable: true, latencyMs: Date.now() - started };
  }
}
