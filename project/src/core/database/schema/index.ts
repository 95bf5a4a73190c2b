export * from './crm';
export * from './sms';
