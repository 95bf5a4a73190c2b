import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from 'src/core/database/connection-errors';
import { describeError } from 'src/core/logging/log-masking';
import { AppError, AppErrorCode, type FieldError } from './app-error';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldError[] | Record<string, unknown>;
}

export function statusOf(code: AppErrorCode): number {
  switch (code) {
    case AppErrorCode.VALIDATION:
    case AppErrorCode.INVALID_PHONE:
    case AppErrorCode.INVALID_MESSAGE:
    case AppErrorCode.TENANT_REQUIRED:
      return HttpStatus.BAD_REQUEST;
    case AppErrorCode.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case AppErrorCode.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case AppErrorCode.FORBIDDEN:
      return HttpStatus.FORBIDDEN;
    case AppErrorCode.CONFLICT:
    case AppErrorCode.INVALID_STATE:
      return HttpStatus.CONFLICT;
    case AppErrorCode.LOCKED_OUT:
      return HttpStatus.TOO_MANY_REQUESTS;
    case AppErrorCode.PAYLOAD_TOO_LARGE:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case AppErrorCode.OPTED_OUT:
    case AppErrorCode.SPENDING_CAP:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case AppErrorCode.PROVIDER:
      return HttpStatus.BAD_GATEWAY;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(x: never): never {
  throw new Error(`Unmapped error code ${String(x)}`);
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unreachable; retry shortly';

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof AppError) {
    const statusCode = statusOf(exception.code);
    return {
      statusCode,
      error: REASONS[statusCode] ?? 'Error',
      message: exception.message,
      details: exception.details,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? exception.message);
    const details = typeof response === 'object' ? (response as { details?: FieldError[] }).details : undefined;
    return { statusCode, error: REASONS[statusCode] ?? 'Error', message, ...(details ? { details } : {}) };
  }
  if (isDatabaseUnavailable(exception)) {
    return { statusCode: 503, error: REASONS[503]!, message: DATABASE_UNAVAILABLE_MESSAGE };
  }
  if (isDataException(exception)) {
    return { statusCode: 400, error: REASONS[400]!, message: 'A value in the request is out of range or malformed' };
  }
  return { statusCode: 500, error: REASONS[500]!, message: 'Internal server error' };
}

/** PostgreSQL class 22 (data exception: out of range, bad text, NUL byte) is the request's fault, not ours. */
function isDataException(e: unknown): boolean {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' && cause.code.startsWith('22');
}

/** A 503 (database gone) or a 429 from the app (a sign-in lock) says when to come back, as the throttler's own 429 does. */
function retryAfterOf(body: ErrorBody): number | undefined {
  if (body.statusCode === 503) return RETRY_AFTER_SECONDS;
  const details = body.details as { retryAfterSeconds?: unknown } | undefined;
  return body.statusCode === 429 && typeof details?.retryAfterSeconds === 'number'
    ? details.retryAfterSeconds
    : undefined;
}

/** Every error leaves the API as `{ statusCode, error, message, details? }`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception);
    if (body.statusCode === 503) this.logger.warn(`${body.message}: ${describeError(exception)}`);
    else if (body.statusCode >= 500) this.logger.error(describeError(exception));
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent || reply.raw.headersSent) return;
    const retryAfter = retryAfterOf(body);
    if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
    // JSON even where the route had set another type (a CSV or the metrics' text) before it failed.
    void reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}
