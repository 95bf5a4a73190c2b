import { createSecretKey } from 'node:crypto';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { SlidingWindowThrottlerStorage } from './http/sliding-window-throttler.storage';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import type { DatabaseService } from './database/database.service';
import { AuthGuard } from './auth/auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { PrincipalSessionsRepository } from './auth/principal-sessions.repository';
import { PrincipalStateCache } from './auth/principal-state.cache';
import { StreamTicketService } from './auth/stream-ticket.service';
import { UserThrottlerGuard } from './auth/user-throttler.guard';
import { Clock } from './clock/clock';
import { DomainEvents } from './events/domain-events';
import { HttpErrorFilter } from './errors/http-error.filter';
import { HealthModule } from './health/health.module';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { ManagedSubAccountsRepository } from './tenancy/managed-sub-accounts.repository';

export interface CoreOptions {
  config: AppConfig;
  database: DatabaseService;
  clock: Clock;
}

/** Config, database, clock, auth guard, throttling, error filter and health: what every module stands on. */
@Global()
@Module({})
export class CoreModule {
  static register({ config, database, clock }: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forConfig(config),
        DatabaseModule.forService(database),
        // A KeyObject: given the string, jsonwebtoken tries to parse it as a PEM key on every verify (a third of a
        // request's CPU), then falls back to an HMAC key.
        JwtModule.register({ global: true, secret: createSecretKey(Buffer.from(config.jwtSecret)) }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.apiRateLimitPerMinute }],
          storage: new SlidingWindowThrottlerStorage(),
        }),
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: [
        MetricsService,
        DomainEvents,
        { provide: Clock, useValue: clock },
        ManagedSubAccountsRepository,
        PrincipalSessionsRepository,
        PrincipalStateCache,
        StreamTicketService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_GUARD, useClass: UserThrottlerGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
      exports: [
        Clock,
        DomainEvents,
        ManagedSubAccountsRepository,
        MetricsService,
        PrincipalStateCache,
        StreamTicketService,
      ],
    };
  }
}
