import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/app-config';
import { Clock, SystemClock } from './core/clock/clock';
import type { DatabaseService } from './core/database/database.service';
import { createValidationPipe } from './core/errors/validation.pipe';
import { formEncodedWebhooks, rejectDeepJson } from './core/http/request-guards';

export interface CreateAppOptions {
  config: AppConfig;
  database: DatabaseService;
  clock?: Clock;
  logger?: false | ('log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal')[];
}

/** Builds the HTTP app (not listening): /api prefix, validation, OpenAPI at /api/docs. */
export async function createApp(options: CreateAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({
      config: options.config,
      database: options.database,
      clock: options.clock ?? new SystemClock(),
    }),
    { logger: options.logger ?? ['error', 'warn', 'log'] },
  );
  configureApp(app, options.config);
  return app;
}

export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No ETag: Express hashes every answer body for one (3-4% of a list request's CPU), and a 304 would save only
  // bandwidth: the list is read from the database either way.
  app.set('etag', false);
  const https = config.publicBaseUrl.startsWith('https://');
  app.use(
    helmet({
      // JSON and the OpenAPI page only (its scripts are files, no inline ones). HSTS and upgrading
      // requests are only meaningful behind https; on plain http they would break the docs page.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } },
      strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
      crossOriginResourcePolicy: { policy: 'same-site' },
    }),
  );
  // Nest's types leave out `verify` because its rawBody option sets it; rawBody is off here.
  app.useBodyParser('json', { verify: rejectDeepJson } as Parameters<typeof app.useBodyParser<'json'>>[1]);
  app.useBodyParser('urlencoded', { extended: false, parameterLimit: 200 });
  app.use('/api/sms/webhooks', formEncodedWebhooks);
  setupOpenApi(app);
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
