import { Injectable } from '@nestjs/common';
import type { Tx } from 'src/core/database/database.service';
import { DomainEvents } from 'src/core/events/domain-events';
import { SmsCampaignsEngineRepository } from '../repositories/sms-campaigns.repository';

/** A sending campaign with nothing left pending or in flight becomes completed (and says so). */
@Injectable()
export class CampaignProgressService {
  constructor(
    private readonly campaigns: SmsCampaignsEngineRepository,
    private readonly domainEvents: DomainEvents,
  ) {}

  async completeIfDone(tx: Tx, row: { campaignId: number | null; subAccountId: number }, now: Date): Promise<void> {
    if (!row.campaignId || !(await this.campaigns.completeIfDone(tx, row.campaignId, now))) return;
    await this.domainEvents.emit(tx, {
      type: 'sms.campaign_completed',
      subAccountId: row.subAccountId,
      campaignId: row.campaignId,
    });
  }
}
