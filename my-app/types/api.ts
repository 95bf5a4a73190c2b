/** Every list endpoint of the API answers this shape. */
export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
  /** false: more than 1,000 rows match and total is the database's estimate. */
  totalExact?: boolean;
  /** Message lists: the next page's cursor, null on the last page. */
  nextCursor?: string | null;
}

export interface PaginationParams {
  page?: number;
  limit?: number;
  search?: string;
}

export interface ApiFieldError {
  field: string;
  message: string;
}

/** The API's single error shape: `{ statusCode, error, message, details? }`. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ApiFieldError[];
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;
