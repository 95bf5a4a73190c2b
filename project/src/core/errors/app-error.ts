export interface FieldError {
  field: string;
  message: string;
}

export enum AppErrorCode {
  VALIDATION = 'VALIDATION',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  LOCKED_OUT = 'LOCKED_OUT',
  TENANT_REQUIRED = 'TENANT_REQUIRED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_MESSAGE = 'INVALID_MESSAGE',
  OPTED_OUT = 'OPTED_OUT',
  SPENDING_CAP = 'SPENDING_CAP',
  INVALID_STATE = 'INVALID_STATE',
  PROVIDER = 'PROVIDER',
}

/** One error class for the whole API; the filter maps each code to HTTP in one table. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: FieldError[] | Record<string, unknown>,
  ) {
    super(message);
  }

  static notFound(what: string): AppError {
    return new AppError(AppErrorCode.NOT_FOUND, `${what} not found`);
  }

  static validation(field: string, message: string): AppError {
    return new AppError(AppErrorCode.VALIDATION, `${field}: ${message}`, [{ field, message }]);
  }
}
