import { ConsoleLogger, type LoggerService, type LogLevel } from '@nestjs/common';
import pino from 'pino';
import type { AppConfig } from 'src/core/config/app-config';

const NEST_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

/** Nest's logger over pino: one JSON object per line in production, readable lines in development. */
export class PinoLoggerService implements LoggerService {
  private readonly pino: pino.Logger;

  constructor(level: AppConfig['logLevel']) {
    this.pino = pino({ level, base: { service: 'loctelli-sms' }, timestamp: pino.stdTimeFunctions.isoTime });
  }

  log(message: unknown, context?: string) {
    this.pino.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.pino.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.pino.fatal({ context }, String(message));
  }
}

/** Structured JSON logs in production; Nest's console format (same levels) while developing. */
export function createLogger(config: AppConfig): LoggerService {
  if (config.isProduction) return new PinoLoggerService(config.logLevel);
  const logger = new ConsoleLogger();
  logger.setLogLevels(NEST_LEVELS[config.logLevel]);
  return logger;
}
