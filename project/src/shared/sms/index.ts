export { SharedSmsModule } from './sms.module';
export { SmsService, type Actor, type SendInput } from './sms.service';
export { SmsDispatcherService } from './dispatch/sms-dispatcher.service';
export { MessageLifecycleService } from './dispatch/message-lifecycle.service';
export { SMS_PROVIDER, type SmsProvider } from './interfaces/sms-provider.interface';
