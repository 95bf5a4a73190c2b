import { Inject, Injectable } from '@nestjs/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { DatabaseService } from 'src/core/database/database.service';
import { leads, smsMessages } from 'src/core/database/schema';
import { SmsSettingsRepository } from '../settings/sms-settings.repository';

/**
 * Where an inbound message goes, who must have signed it, and which SubAccounts its keyword (STOP, START) acts
 * for: every SubAccount that sends from the number it was sent to.
 */
export type InboundRoute =
  | { kind: 'subaccount'; subAccountId: number; signer: Signer; keywordScope: number[] }
  | { kind: 'unassigned'; candidates: number[]; signer: Signer; keywordScope: number[] };

/** 'subaccount': the routed SubAccount's account; 'environment': the installation's; 'any': one we know. */
export type Signer = 'subaccount' | 'environment' | 'any';

/**
 * `To` decides, and nothing is guessed across tenants (docs/security.md, "Inbound routing"):
 * - a SubAccount's own number or Messaging Service → that SubAccount (a sender belongs to at most one);
 * - the installation's shared sender → the one SubAccount on it that texted this person or has a lead with
 *   this phone (or the only SubAccount on it); none or several → the Unassigned inbox;
 * - any other number → the Unassigned inbox.
 */
@Injectable()
export class InboundRouterService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly settings: SmsSettingsRepository,
  ) {}

  async route(params: Record<string, string>): Promise<InboundRoute> {
    const to = params.To ?? '';
    const mss = params.MessagingServiceSid || undefined;
    if (this.isSharedSender(to, mss)) return this.routeShared(params.From ?? '');
    const own = await this.settings.subAccountsWithSender(to, mss);
    if (own.length === 1) return { kind: 'subaccount', subAccountId: own[0]!, signer: 'subaccount', keywordScope: own };
    // Several only from data older than the uniqueness rule: never pick one.
    return { kind: 'unassigned', candidates: own, signer: 'any', keywordScope: own };
  }

  private isSharedSender(to: string, mss: string | undefined): boolean {
    const env = this.config.twilio;
    return (
      (env.phoneNumber !== undefined && to === env.phoneNumber) ||
      (mss !== undefined && mss === env.messagingServiceSid)
    );
  }

  private async routeShared(from: string): Promise<InboundRoute> {
    const onShared = await this.settings.subAccountsOnSharedSender();
    // One SubAccount on the shared sender: the number is, in effect, its own; there is no one to confuse it with.
    const known = onShared.length === 1 ? onShared : await this.knowing(from, onShared);
    return known.length === 1
      ? { kind: 'subaccount', subAccountId: known[0]!, signer: 'environment', keywordScope: onShared }
      : { kind: 'unassigned', candidates: known, signer: 'environment', keywordScope: onShared };
  }

  /**
   * Which of these SubAccounts texted this phone or have a lead with it (sms_messages_contact_idx,
   * leads_sub_account_phone_idx).
   */
  private async knowing(phone: string, among: number[]): Promise<number[]> {
    if (among.length === 0 || phone === '') return [];
    const db = this.database.db;
    const texted = db
      .selectDistinct({ id: smsMessages.subAccountId })
      .from(smsMessages)
      .where(
        and(
          eq(smsMessages.phoneNumber, phone),
          eq(smsMessages.direction, 'outbound'),
          inArray(smsMessages.subAccountId, among),
        ),
      );
    const withLead = db
      .selectDistinct({ id: leads.subAccountId })
      .from(leads)
      .where(and(eq(leads.phone, phone), inArray(leads.subAccountId, among)));
    const rows = await texted.union(withLead).orderBy(sql`1`);
    return rows.map((r) => r.id);
  }
}
