import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Client } from 'pg';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { DatabaseService } from 'src/core/database/database.service';
import { runTableUpkeep, type UpkeepDone } from 'src/core/database/table-upkeep';
import { PeriodicTask } from 'src/core/scheduling/periodic-task';

/**
 * Vacuums and analyzes the tables every DB_UPKEEP_SECONDS when the PostgreSQL server's autovacuum is off (and
 * does nothing when it is on), in every process: SKIP_LOCKED keeps two from working on one table. Not on PGlite,
 * whose one connection a vacuum would hold for every request.
 */
@Injectable()
export class TableUpkeepService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TableUpkeep');
  private loop: PeriodicTask | undefined;
  private client: Client | undefined;
  private warned = false;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
  ) {}

  onApplicationBootstrap(): void {
    const ms = this.config.dbUpkeepSeconds * 1000;
    if (ms <= 0 || this.database.driver !== 'postgres') return;
    this.loop = new PeriodicTask({
      name: 'Table upkeep',
      intervalMs: ms,
      initialDelayMs: ms,
      run: () => this.run(),
      logger: this.logger,
      unref: true,
    });
    this.loop.start();
  }

  /** Closing the pass's connection stops a vacuum in progress (client_connection_check_interval), not waited for. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const stopped = this.loop?.stop();
    this.client?.end().catch(() => undefined);
    await stopped;
  }

  /** One pass on a connection of its own (a vacuum takes seconds; the pool's connections serve requests). */
  async run(): Promise<UpkeepDone[]> {
    const client = new Client({ connectionString: this.database.url, connectionTimeoutMillis: 5_000 });
    client.on('error', (e) => this.logger.warn(`Table upkeep connection lost: ${e.message}`));
    this.client = client;
    try {
      await client.connect();
      await client.query("SET client_connection_check_interval = '1s'");
      const done = await runTableUpkeep(client);
      this.report(done);
      return done;
    } catch (e) {
      if (this.stopping) return []; // the vacuum stopped by closing its connection
      throw e;
    } finally {
      this.client = undefined;
      await client.end().catch(() => undefined);
    }
  }

  private report(done: UpkeepDone[]): void {
    if (done.length > 0 && !this.warned) {
      this.warned = true;
      this.logger.warn(
        "The PostgreSQL server's autovacuum is off: this process vacuums and analyzes the tables itself (see docs/operations.md, Autovacuum)",
      );
    }
    for (const d of done)
      this.logger.log(`${d.action === 'vacuum' ? 'Vacuumed' : 'Analyzed'} ${d.table} in ${d.ms} ms`);
  }
}
