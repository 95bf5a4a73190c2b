import { dataOf, done, fileOf, streamUrl, typedApi } from '@/lib/api/typed-client';
import { upload } from '@/lib/api/upload';
import { uuid } from '@/lib/uuid';
import type { PaginationParams } from '@/types/api';
import type {
  AddOptOutDto,
  AuditListParams,
  BulkSmsOptions,
  CampaignListParams,
  CampaignMessagesParams,
  CreateCampaignDto,
  MessageHistoryParams,
  OptOutListParams,
  SendSmsDto,
  SmsTemplateDto,
  UpdateCampaignDto,
} from '@/types/sms';

const byId = (id: number) => ({ params: { path: { id } } });
const CSV = { parseAs: 'blob', headers: { Accept: 'text/csv' } } as const;

export interface SendBulkSmsOptions extends Omit<BulkSmsOptions, 'message'> {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function bulkForm(file: File, message: string, options: SendBulkSmsOptions): FormData {
  const form = new FormData();
  form.append('file', file);
  form.append('message', message);
  if (options.name) form.append('name', options.name);
  if (options.scheduledAt) form.append('scheduledAt', options.scheduledAt);
  if (options.phoneColumn) form.append('phoneColumn', options.phoneColumn);
  if (options.dryRun) form.append('dryRun', 'true');
  return form;
}

const messagesApi = {
  // One Idempotency-Key per submit, so a double click or a retried request sends once.
  sendSms: (body: SendSmsDto, idempotencyKey: string = uuid()) =>
    dataOf(typedApi.POST('/api/sms/send', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  getMessages: (query?: MessageHistoryParams) => dataOf(typedApi.GET('/api/sms/messages', { params: { query } })),
  getMessage: (id: number) => dataOf(typedApi.GET('/api/sms/messages/{id}', byId(id))),
  getMessageWaits: (ids: number[]) =>
    dataOf(typedApi.GET('/api/sms/message-waits', { params: { query: { ids: ids.join(',') } } })),
  retryMessage: (id: number) => dataOf(typedApi.POST('/api/sms/messages/{id}/retry', byId(id))),
  cancelMessage: (id: number) => dataOf(typedApi.POST('/api/sms/messages/{id}/cancel', byId(id))),
  exportMessages: (query?: Omit<MessageHistoryParams, 'page' | 'limit'>) =>
    fileOf(typedApi.GET('/api/sms/messages/export.csv', { params: { query }, ...CSV })),
  getStats: () => dataOf(typedApi.GET('/api/sms/stats')),
};

const campaignsApi = {
  sendBulkSms: (file: File, message: string, options: SendBulkSmsOptions = {}) =>
    upload('/api/sms/bulk', bulkForm(file, message, options), options),
  createCampaign: (body: CreateCampaignDto) => dataOf(typedApi.POST('/api/sms/campaigns', { body })),
  getCampaigns: (query?: CampaignListParams) => dataOf(typedApi.GET('/api/sms/campaigns', { params: { query } })),
  getCampaign: (id: number) => dataOf(typedApi.GET('/api/sms/campaigns/{id}', byId(id))),
  getCampaignMessages: (id: number, query?: CampaignMessagesParams) =>
    dataOf(typedApi.GET('/api/sms/campaigns/{id}/messages', { params: { path: { id }, query } })),
  updateCampaign: (id: number, body: UpdateCampaignDto) =>
    dataOf(typedApi.PATCH('/api/sms/campaigns/{id}', { ...byId(id), body })),
  pauseCampaign: (id: number) => dataOf(typedApi.POST('/api/sms/campaigns/{id}/pause', byId(id))),
  resumeCampaign: (id: number) => dataOf(typedApi.POST('/api/sms/campaigns/{id}/resume', byId(id))),
  cancelCampaign: (id: number) => dataOf(typedApi.POST('/api/sms/campaigns/{id}/cancel', byId(id))),
  retryFailedCampaign: (id: number) => dataOf(typedApi.POST('/api/sms/campaigns/{id}/retry-failed', byId(id))),
  deleteCampaign: (id: number) => done(typedApi.DELETE('/api/sms/campaigns/{id}', byId(id))),
  downloadRejections: (id: number) =>
    fileOf(typedApi.GET('/api/sms/campaigns/{id}/rejections.csv', { ...byId(id), ...CSV })),
  campaignEventsUrl: (id: number) => streamUrl(`/api/sms/campaigns/${id}/events`),
};

const listsApi = {
  getTemplates: (query?: PaginationParams) => dataOf(typedApi.GET('/api/sms/templates', { params: { query } })),
  createTemplate: (body: SmsTemplateDto) => dataOf(typedApi.POST('/api/sms/templates', { body })),
  updateTemplate: (id: number, body: Partial<SmsTemplateDto>) =>
    dataOf(typedApi.PATCH('/api/sms/templates/{id}', { ...byId(id), body })),
  deleteTemplate: (id: number) => done(typedApi.DELETE('/api/sms/templates/{id}', byId(id))),

  // The do-not-text list
  getOptOuts: (query?: OptOutListParams) => dataOf(typedApi.GET('/api/sms/opt-outs', { params: { query } })),
  addOptOut: (body: AddOptOutDto) => dataOf(typedApi.POST('/api/sms/opt-outs', { body })),
  removeOptOut: (id: number) => done(typedApi.DELETE('/api/sms/opt-outs/{id}', byId(id))),
  importOptOuts: (file: File, options: { phoneColumn?: string; onProgress?: (fraction: number) => void } = {}) => {
    const form = new FormData();
    form.append('file', file);
    if (options.phoneColumn) form.append('phoneColumn', options.phoneColumn);
    return upload('/api/sms/opt-outs/import', form, { onProgress: options.onProgress });
  },

  // Audit log (admins only)
  getAuditLog: (query?: AuditListParams) => dataOf(typedApi.GET('/api/sms/audit', { params: { query } })),
};

/** The plan's smsApi, extended to the whole /sms API. */
export const smsApi = { ...messagesApi, ...campaignsApi, ...listsApi };
