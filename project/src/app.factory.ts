import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/app-config';
import { Clock, SystemClock } from './core/clock/clock';
import type { DatabaseService } from './core/database/database.service';
import { createValidationPipe } from './core/errors/validation.pipe';
import { registerBodyParsers } from './core/http/body-parsers';
import { formEncodedWebhooks } from './core/http/request-guards';
import { sendSecurityHeaders } from './core/http/security-headers';

export interface CreateAppOptions {
  config: AppConfig;
  database: DatabaseService;
  clock?: Clock;
  logger?: false | ('log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal')[];
}

/**
 * Builds the HTTP app (not listening): /api prefix, validation, OpenAPI at /api/docs. On Fastify rather than
 * Express: the same guards, validation and answers cost the API about half the CPU a request (docs/BENCHMARKS.md).
 */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: trustedHops(options.config.trustProxy),
    // `/api/leads/` is `/api/leads`, as it was on Express.
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({
      config: options.config,
      database: options.database,
      clock: options.clock ?? new SystemClock(),
    }),
    adapter,
    { logger: options.logger ?? ['error', 'warn', 'log'], bodyParser: false },
  );
  configureApp(app, options.config);
  return app;
}

function configureApp(app: NestFastifyApplication, config: AppConfig): void {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  const https = config.publicBaseUrl.startsWith('https://');
  const fastify = app.getHttpAdapter().getInstance();
  sendSecurityHeaders(fastify, {
    // JSON and the OpenAPI page only (its scripts are files, no inline ones). HSTS and upgrading
    // requests are only meaningful behind https; on plain http they would break the docs page.
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } },
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  registerBodyParsers(fastify);
  fastify.addHook('preValidation', formEncodedWebhooks('/api/sms/webhooks/'));
  setupOpenApi(app);
}

/** Ready to answer injected or supertest requests (Fastify loads its plugins on `ready`, which `listen` also does). */
export async function initApp(app: NestFastifyApplication): Promise<void> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
}

/** TRUST_PROXY as a number trusts that many hops nearest the server, as Express did (Fastify's types take no number). */
function trustedHops(trust: AppConfig['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Loctelli SMS API')
      .setDescription('SMS messaging for Loctelli CRM SubAccounts. Admins pick a SubAccount with X-SubAccount-Id.')
      .setVersion('1.0')
      .addBearerAuth()
      .addGlobalParameters({ name: 'X-SubAccount-Id', in: 'header', required: false, schema: { type: 'integer' } })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
