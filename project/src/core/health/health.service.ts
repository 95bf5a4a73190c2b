import { Injectable } from '@nestjs/common';
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
    const entries = await Promise.all(
      this.contributors.map(
        async (c) =>
          [c.name, await c.check().catch((e: Error) => ({ status: 'down' as const, error: e.message }))] as const,
      ),
    );
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, c]) => c.status === 'ok') ? 'ok' : 'down', checks };
  }

  private async checkDatabase(): Promise<HealthCheck> {
    const started = Date.now();
    await this.database.ping();
    return { status: 'ok', driver: this.database.driver, latencyMs: Date.now() - started };
  }
}
