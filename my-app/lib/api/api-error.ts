import type { ApiErrorBody, ApiFieldError } from '@/types/api';

/** Every failed call is thrown as this, carrying the API's `{ statusCode, error, message, details }`. */
export class ApiError extends Error implements ApiErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly details?: ApiFieldError[];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.details = body.details;
  }

  /** Builds an ApiError from whatever a failed response carried (JSON error, text, or nothing). */
  static fromBody(status: number, statusText: string, body: unknown): ApiError {
    if (body && typeof body === 'object') {
      const b = body as Partial<Record<keyof ApiErrorBody, unknown>>;
      // Nest's default validation error carries `message: string[]`; keep every line.
      const message = Array.isArray(b.message)
        ? b.message.map(String).join('; ')
        : typeof b.message === 'string' && b.message
          ? b.message
          : statusText || `Request failed (${status})`;
      const details = Array.isArray(b.details) ? (b.details as unknown[]).filter(isFieldError) : undefined;
      return new ApiError({
        statusCode: typeof b.statusCode === 'number' ? b.statusCode : status,
        error: typeof b.error === 'string' ? b.error : statusText,
        message,
        details,
      });
    }
    const text = typeof body === 'string' ? body.trim() : '';
    return new ApiError({
      statusCode: status,
      error: statusText,
      message: text && text.length < 300 ? text : statusText || `Request failed (${status})`,
    });
  }
}

function isFieldError(value: unknown): value is ApiFieldError {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as ApiFieldError).field === 'string' &&
    typeof (value as ApiFieldError).message === 'string'
  );
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The server could not be reached at all (offline, DNS, refused). */
export const networkError = (message = 'Cannot reach the server. Check your connection and try again.') =>
  new ApiError({ statusCode: 0, error: 'Network Error', message });

/** A short human sentence for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return readableMessage(error);
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

/**
 * The API's message without the field-name prefix it puts on validation errors ("message: the lead has
 * no value…" reads "The lead has no value…"): a user reads the sentence, the form puts it on the field.
 */
function readableMessage(error: ApiError): string {
  const details = error.details ?? [];
  if (!details.length || error.message !== details.map((d) => `${d.field}: ${d.message}`).join('; '))
    return error.message;
  return details.map((d) => d.message.charAt(0).toUpperCase() + d.message.slice(1)).join('; ');
}

export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await res.text();
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
  } catch {
    body = null;
  }
  return ApiError.fromBody(res.status, res.statusText, body);
}
