import { dataOf, typedApi, type Schema } from '@/lib/api/typed-client';

export type SmsSettingsResponse = Schema<'SmsSettingsDto'>;

/** The SubAccount's SMS settings, typed from the API's document (the first calls moved off hand-written types). */
export const settingsApi = {
  getSettings: () => dataOf(typedApi.GET('/api/sms/settings')),
  updateSettings: (body: Schema<'UpdateSmsSettingsDto'>) => dataOf(typedApi.PUT('/api/sms/settings', { body })),
  testSettings: () => dataOf(typedApi.POST('/api/sms/settings/test')),
};
