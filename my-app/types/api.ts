/**
 * Names for the API's shapes as its OpenAPI document gives them (types/api.generated.ts, regenerated with
 * `npm run api:types -w my-app`). Nothing here restates a field: a change to the API shows up as a type error.
 */
import type { components, paths } from './api.generated';

/** A schema of the OpenAPI document by name: `Schema<'SmsSettingsDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The API's paths that answer a GET. */
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];

/** The query parameters of a GET route: `QueryOf<'/api/sms/messages'>`. */
export type QueryOf<P extends GetPath> = NonNullable<paths[P]['get']['parameters']['query']>;

/** The JSON a GET route answers with. */
export type GetResponse<P extends GetPath> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

/** Every list endpoint of the API answers this shape (the messages list's, with other items). */
export type Paginated<T> = Omit<GetResponse<'/api/sms/messages'>, 'items'> & { items: T[] };

/** What every list takes. */
export type PaginationParams = Pick<QueryOf<'/api/subaccounts'>, 'page' | 'limit' | 'search'>;

/**
 * A list naming every member of a union, for pickers and filters: the compiler refuses a list that misses one.
 * `everyOf<SmsStatus>()(['pending', …] as const)`.
 */
export const everyOf =
  <Member extends string>() =>
  <List extends readonly Member[]>(list: List & ([Member] extends [List[number]] ? unknown : never)): List =>
    list;

// The error shape is the wrapper's (lib/api/api-error.ts), the one thing every route answers alike.

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
