import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq } from 'drizzle-orm';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { DatabaseService } from 'src/core/database/database.service';
import { smsMessages } from 'src/core/database/schema';
import { SmsSettingsRepository } from '../settings/sms-settings.repository';

/**
 * Which SubAccount an inbound message belongs to: the one whose own sender (number or Messaging Service)
 * it was sent to; for the shared environment sender, the SubAccount that last texted this person
 * (or the only SubAccount there is).
 */
@Injectable()
export class InboundRouterService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly settings: SmsSettingsRepository,
  ) {}

  async route(params: Record<string, string>): Promise<number | undefined> {
    const to = params.To ?? '';
    const mss = params.MessagingServiceSid || undefined;
    const own = await this.settings.subAccountsWithSender(to, mss);
    if (own.length === 1) return own[0];
    const env = this.config.twilio;
    const toEnvironmentSender = to === env.phoneNumber || (mss !== undefined && mss === env.messagingServiceSid);
    if (own.length === 0 && !toEnvironmentSender) return undefined;
    const candidates = own.length > 1 ? own : undefined;
    const lastContact = await this.lastSubAccountThatTexted(params.From ?? '', candidates);
    if (lastContact !== undefined) return lastContact;
    const all = candidates ?? (await this.settings.allSubAccountIds());
    return all.length === 1 ? all[0] : undefined;
  }

  private async lastSubAccountThatTexted(phone: string, among?: number[]): Promise<number | undefined> {
    const rows = await this.database.db
      .select({ subAccountId: smsMessages.subAccountId })
      .from(smsMessages)
      .where(and(eq(smsMessages.phoneNumber, phone), eq(smsMessages.direction, 'outbound')))
      .orderBy(desc(smsMessages.createdAt))
      .limit(20);
    return rows.map((r) => r.subAccountId).find((id) => !among || among.includes(id));
  }
}
