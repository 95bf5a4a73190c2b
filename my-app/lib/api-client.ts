/**
 * The admin panel's door to the API, where components import it from. Every call goes through the typed
 * client (lib/api/typed-client.ts): JSON in and out, `Authorization: Bearer <access token>` and for admins
 * `X-SubAccount-Id`; a 401 triggers one shared token refresh and one retry, and a failed refresh ends the
 * session; every failure is thrown as `ApiError` carrying the API's `{ statusCode, error, message, details }`.
 */
export { ApiError, errorMessage, isApiError, toApiError } from '@/lib/api/api-error';
export { authApi, crmApi } from '@/lib/api/crm-api';
export { saveBlob } from '@/lib/api/save-blob';
export { authHeaders, endSession, refreshSession } from '@/lib/api/session';
export { smsApi, type SendBulkSmsOptions } from '@/lib/api/sms-api';
export { streamUrl, type DownloadedFile } from '@/lib/api/typed-client';
export { API_BASE, apiUrl, buildQuery } from '@/lib/api/url';
