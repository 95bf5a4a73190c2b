/**
 * The admin panel's only door to the API. Same origin: Next rewrites /api/* to the NestJS server.
 *
 * - JSON in and out, `Authorization: Bearer <access token>`, and for admins `X-SubAccount-Id`.
 * - A 401 triggers one token refresh (shared by concurrent callers) and one retry; if the refresh
 *   fails the session is over and the browser goes to /login.
 * - Every failure is thrown as `ApiError` carrying the API's `{ statusCode, error, message, details }`.
 */
import type { ApiErrorBody, ApiFieldError, Paginated, QueryParams } from '@/types/api';
import type {
  AuthTokens,
  Lead,
  LeadDto,
  LeadListItem,
  LeadListParams,
  LoginDto,
  Me,
  Strategy,
  StrategyDto,
  SubAccount,
  SubAccountDto,
  User,
} from '@/types/crm';
import type {
  AddOptOutDto,
  AuditEntry,
  AuditListParams,
  BulkSmsOptions,
  BulkSmsResult,
  CampaignListParams,
  CampaignMessagesParams,
  CreateCampaignDto,
  MessageHistoryParams,
  OptOut,
  OptOutImportReport,
  OptOutListParams,
  SendSmsDto,
  SendSmsResult,
  SmsCampaign,
  SmsMessage,
  SmsMessageDetail,
  SmsStats,
  SmsTemplate,
  SmsTemplateDto,
  UpdateCampaignDto,
} from '@/types/sms';
import type { PaginationParams } from '@/types/api';
import { authStorage } from '@/lib/auth-storage';
import { uuid } from '@/lib/uuid';

export const API_BASE = '/api';

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

export function buildQuery(params?: QueryParams): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `?${qs}` : '';
}

export function apiUrl(path: string, params?: QueryParams): string {
  return `${API_BASE}${path}${buildQuery(params)}`;
}

// ---------------------------------------------------------------------------------------------
// Session

let refreshInFlight: Promise<boolean> | null = null;

/** Exchanges the refresh token for a new pair. Concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  if (refreshInFlight) return refreshInFlight;
  const refreshToken = authStorage.getRefreshToken();
  if (!refreshToken) return Promise.resolve(false);
  refreshInFlight = (async () => {
    try {
      const res = await fetch(apiUrl('/auth/refresh'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!res.ok) return false;
      const tokens = (await res.json()) as AuthTokens;
      authStorage.setTokens(tokens.accessToken, tokens.refreshToken);
      return true;
    } catch {
      return false;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

/** The session cannot be renewed: forget it and go to the login page, coming back here after. */
export function endSession(): void {
  authStorage.clearTokens();
  if (typeof window === 'undefined') return;
  const { pathname, search } = window.location;
  if (pathname.startsWith('/login')) return;
  const next = encodeURIComponent(pathname + search);
  window.location.assign(`/login?next=${next}`);
}

export function authHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = authStorage.getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const subAccountId = authStorage.getSubAccountId();
  if (subAccountId) headers['X-SubAccount-Id'] = String(subAccountId);
  return headers;
}

const NO_REFRESH_PATHS = ['/auth/login', '/auth/refresh', '/auth/logout'];

// ---------------------------------------------------------------------------------------------
// Requests

export interface RequestOptions {
  params?: QueryParams;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function send(
  method: string,
  path: string,
  body: unknown,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, ...authHeaders(), ...options.headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const url = apiUrl(path, options.params);
  const attempt = () =>
    fetch(url, { method, headers: { ...headers, ...authHeaders() }, body: payload, signal: options.signal });

  let res: Response;
  try {
    res = await attempt();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({
      statusCode: 0,
      error: 'Network Error',
      message: 'Cannot reach the server. Check your connection and try again.',
    });
  }
  if (res.status === 401 && !NO_REFRESH_PATHS.includes(path)) {
    const refreshed = await refreshSession();
    if (!refreshed) {
      endSession();
      throw await toApiError(res);
    }
    res = await attempt();
    if (res.status === 401) {
      endSession();
    }
  }
  if (!res.ok) throw await toApiError(res);
  return res;
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

async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, body, options, 'application/json');
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? JSON.parse(text) : text) as T;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string | null;
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/**
 * EventSource cannot send headers, and a token in a URL lands in logs and history: the stream is opened
 * with a one-time ticket (30 s) that the API hands out for this session and SubAccount. Ask right before
 * opening, and again for every reopen.
 */
export async function streamUrl(path: string): Promise<string> {
  const { ticket } = await apiClient.post<{ ticket: string; expiresIn: number }>('/auth/stream-ticket');
  return apiUrl(path, { ticket });
}

export const apiClient = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),

  /** A file download with the same auth and refresh rules (for CSV exports). */
  async getBlob(path: string, options: RequestOptions = {}, accept = 'text/csv'): Promise<DownloadedFile> {
    const res = await send('GET', path, undefined, options, accept);
    return { blob: await res.blob(), filename: filenameFrom(res.headers.get('content-disposition')) };
  },

  /**
   * A multipart POST through XMLHttpRequest, because fetch cannot report upload progress.
   * Same auth, refresh-once and error rules as the other calls.
   */
  upload<T>(
    path: string,
    form: FormData,
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
  ): Promise<T> {
    const once = () =>
      new Promise<{ status: number; statusText: string; body: unknown }>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', apiUrl(path));
        xhr.setRequestHeader('Accept', 'application/json');
        for (const [key, value] of Object.entries(authHeaders())) xhr.setRequestHeader(key, value);
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
        };
        xhr.upload.onload = () => options.onProgress?.(1);
        xhr.onload = () => {
          let body: unknown = xhr.responseText;
          try {
            body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
          } catch {
            // a non-JSON body (proxy error page) stays text
          }
          resolve({ status: xhr.status, statusText: xhr.statusText, body });
        };
        xhr.onerror = () =>
          reject(
            new ApiError({
              statusCode: 0,
              error: 'Network Error',
              message: 'The upload was interrupted. Check your connection and try again.',
            }),
          );
        xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
        options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(form);
      });

    return (async () => {
      let res = await once();
      if (res.status === 401) {
        if (!(await refreshSession())) {
          endSession();
          throw ApiError.fromBody(res.status, res.statusText, res.body);
        }
        options.onProgress?.(0);
        res = await once();
      }
      if (res.status < 200 || res.status >= 300) {
        throw ApiError.fromBody(res.status, res.statusText, res.body);
      }
      return res.body as T;
    })();
  },
};

/** Saves a downloaded blob under a file name, through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------------------------------------------------------------------------------------------
// Auth and CRM

export const authApi = {
  login: (data: LoginDto) => apiClient.post<AuthTokens>('/auth/login', data),
  refresh: refreshSession,
  async logout(): Promise<void> {
    const refreshToken = authStorage.getRefreshToken();
    try {
      if (refreshToken) await apiClient.post<void>('/auth/logout', { refreshToken });
    } finally {
      authStorage.clearTokens();
      authStorage.setSubAccountId(null);
    }
  },
  me: () => apiClient.get<Me>('/auth/me'),
};

export const crmApi = {
  getSubAccounts: (params?: PaginationParams) =>
    apiClient.get<Paginated<SubAccount>>('/subaccounts', { params: { ...params } }),
  getSubAccount: (id: number) => apiClient.get<SubAccount>(`/subaccounts/${id}`),
  createSubAccount: (data: SubAccountDto) => apiClient.post<SubAccount>('/subaccounts', data),
  updateSubAccount: (id: number, data: Partial<SubAccountDto>) =>
    apiClient.patch<SubAccount>(`/subaccounts/${id}`, data),
  deleteSubAccount: (id: number) => apiClient.delete(`/subaccounts/${id}`),

  getUsers: (params?: PaginationParams) => apiClient.get<Paginated<User>>('/users', { params: { ...params } }),

  getStrategies: (params?: PaginationParams) =>
    apiClient.get<Paginated<Strategy>>('/strategies', { params: { ...params } }),
  getStrategy: (id: number) => apiClient.get<Strategy>(`/strategies/${id}`),
  createStrategy: (data: StrategyDto) => apiClient.post<Strategy>('/strategies', data),
  updateStrategy: (id: number, data: Partial<StrategyDto>) => apiClient.patch<Strategy>(`/strategies/${id}`, data),
  deleteStrategy: (id: number) => apiClient.delete(`/strategies/${id}`),

  getLeads: (params?: LeadListParams) => apiClient.get<Paginated<LeadListItem>>('/leads', { params: { ...params } }),
  getLead: (id: number) => apiClient.get<Lead>(`/leads/${id}`),
  createLead: (data: LeadDto) => apiClient.post<Lead>('/leads', data),
  updateLead: (id: number, data: Partial<LeadDto>) => apiClient.patch<Lead>(`/leads/${id}`, data),
  deleteLead: (id: number) => apiClient.delete(`/leads/${id}`),
};

// ---------------------------------------------------------------------------------------------
// SMS (the plan's smsApi, extended to the whole /sms API)

export interface SendBulkSmsOptions extends Omit<BulkSmsOptions, 'message'> {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export const smsApi = {
  // Single SMS. One Idempotency-Key per submit, so a double click or a retried request sends once.
  sendSms: (data: SendSmsDto, idempotencyKey: string = uuid()) =>
    apiClient.post<SendSmsResult>('/sms/send', data, {
      headers: { 'Idempotency-Key': idempotencyKey },
    }),

  // Bulk SMS
  sendBulkSms: (file: File, message: string, options: SendBulkSmsOptions = {}) => {
    const formData = new FormData();
    formData.append('file', file);
    formData.append('message', message);
    if (options.name) formData.append('name', options.name);
    if (options.scheduledAt) formData.append('scheduledAt', options.scheduledAt);
    if (options.phoneColumn) formData.append('phoneColumn', options.phoneColumn);
    if (options.dryRun) formData.append('dryRun', 'true');
    return apiClient.upload<BulkSmsResult>('/sms/bulk', formData, {
      onProgress: options.onProgress,
      signal: options.signal,
    });
  },

  // Campaigns
  createCampaign: (data: CreateCampaignDto) => apiClient.post<BulkSmsResult>('/sms/campaigns', data),
  getCampaigns: (params?: CampaignListParams) =>
    apiClient.get<Paginated<SmsCampaign>>('/sms/campaigns', { params: { ...params } }),
  getCampaign: (id: number) => apiClient.get<SmsCampaign>(`/sms/campaigns/${id}`),
  getCampaignMessages: (id: number, params?: CampaignMessagesParams) =>
    apiClient.get<Paginated<SmsMessage>>(`/sms/campaigns/${id}/messages`, {
      params: { ...params },
    }),
  updateCampaign: (id: number, data: UpdateCampaignDto) => apiClient.patch<SmsCampaign>(`/sms/campaigns/${id}`, data),
  pauseCampaign: (id: number) => apiClient.post<SmsCampaign>(`/sms/campaigns/${id}/pause`),
  resumeCampaign: (id: number) => apiClient.post<SmsCampaign>(`/sms/campaigns/${id}/resume`),
  cancelCampaign: (id: number) => apiClient.post<SmsCampaign>(`/sms/campaigns/${id}/cancel`),
  retryFailedCampaign: (id: number) => apiClient.post<SmsCampaign>(`/sms/campaigns/${id}/retry-failed`),
  deleteCampaign: (id: number) => apiClient.delete(`/sms/campaigns/${id}`),
  downloadRejections: (id: number) => apiClient.getBlob(`/sms/campaigns/${id}/rejections.csv`),
  campaignEventsUrl: (id: number) => streamUrl(`/sms/campaigns/${id}/events`),

  // History
  getMessages: (params?: MessageHistoryParams) =>
    apiClient.get<Paginated<SmsMessage>>('/sms/messages', { params: { ...params } }),
  getMessage: (id: number) => apiClient.get<SmsMessageDetail>(`/sms/messages/${id}`),
  retryMessage: (id: number) => apiClient.post<SmsMessage>(`/sms/messages/${id}/retry`),
  cancelMessage: (id: number) => apiClient.post<SmsMessage>(`/sms/messages/${id}/cancel`),
  exportMessages: (params?: Omit<MessageHistoryParams, 'page' | 'limit'>) =>
    apiClient.getBlob('/sms/messages/export.csv', { params: { ...params } }),

  // Statistics
  getStats: () => apiClient.get<SmsStats>('/sms/stats'),

  // Settings

  // Templates
  getTemplates: (params?: PaginationParams) =>
    apiClient.get<Paginated<SmsTemplate>>('/sms/templates', { params: { ...params } }),
  createTemplate: (data: SmsTemplateDto) => apiClient.post<SmsTemplate>('/sms/templates', data),
  updateTemplate: (id: number, data: Partial<SmsTemplateDto>) =>
    apiClient.patch<SmsTemplate>(`/sms/templates/${id}`, data),
  deleteTemplate: (id: number) => apiClient.delete(`/sms/templates/${id}`),

  // Opt-outs (the do-not-text list)
  getOptOuts: (params?: OptOutListParams) =>
    apiClient.get<Paginated<OptOut>>('/sms/opt-outs', { params: { ...params } }),
  addOptOut: (data: AddOptOutDto) => apiClient.post<OptOut>('/sms/opt-outs', data),
  removeOptOut: (id: number) => apiClient.delete(`/sms/opt-outs/${id}`),
  importOptOuts: (file: File, options: { phoneColumn?: string; onProgress?: (fraction: number) => void } = {}) => {
    const formData = new FormData();
    formData.append('file', file);
    if (options.phoneColumn) formData.append('phoneColumn', options.phoneColumn);
    return apiClient.upload<OptOutImportReport>('/sms/opt-outs/import', formData, { onProgress: options.onProgress });
  },

  // Audit log (admins only)
  getAuditLog: (params?: AuditListParams) =>
    apiClient.get<Paginated<AuditEntry>>('/sms/audit', { params: { ...params } }),
};
