export * from './crm';
export * from './sms';
export * from './automation';
export * from './notifications';
export * from './installation';
export * from './sms-unassigned';
