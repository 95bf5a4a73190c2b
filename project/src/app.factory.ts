import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/app-config';
import { Clock, SystemClock } from './core/clock/clock';
import type { DatabaseService } from './core/database/database.service';
import { createValidationPipe } from './core/errors/validation.pipe';

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
    { logger: options.logger ?? ['error', 'warn', 'log'], rawBody: true },
  );
  configureApp(app);
  return app;
}

export function configureApp(app: NestExpressApplication): void {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.set('trust proxy', 'loopback');
  app.useBodyParser('urlencoded', { extended: false });
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
