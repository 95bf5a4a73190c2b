import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { Clock } from 'src/core/clock/clock';
import { quietUntil, recipientTimeZone } from 'src/shared/sms/quiet-hours';
import type { SmsMessageRow } from 'src/shared/sms/repositories/sms-messages.repository';
import { SenderService, type Sender } from 'src/shared/sms/settings/sender.service';
import { capacityFor, refill } from 'src/shared/sms/token-bucket';
import { MessageWaitsRepository } from './message-waits.repository';
import { explainWait, needsQueueCount, type MessageWait, type WaitFacts } from './wait-reason';

type Facts = Omit<WaitFacts, 'queue' | 'bucket'>;

/**
 * Why each of a few pending messages has not gone yet and about when it will, from state that already exists:
 * the sender's settings and health, the campaign, the recipient's quiet hours, and its place in the queue.
 */
@Injectable()
export class MessageWaitsService {
  constructor(
    private readonly repo: MessageWaitsRepository,
    private readonly senders: SenderService,
    private readonly clock: Clock,
  ) {}

  /** Messages that are not pending (or not this SubAccount's) are left out. */
  async explain(auth: AuthContext, ids: number[]): Promise<MessageWait[]> {
    const subAccountId = tenantOf(auth);
    const rows = await this.repo.pendingMessages(subAccountId, [...new Set(ids)]);
    if (rows.length === 0) return [];
    const now = this.clock.now();
    const unique = (xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => x !== null))];
    const [sender, campaigns, leadZones, bucketRow] = await Promise.all([
      this.senders.resolve(subAccountId),
      this.repo.campaigns(subAccountId, unique(rows.map((r) => r.campaignId))),
      this.repo.leadTimeZones(subAccountId, unique(rows.map((r) => r.leadId))),
      this.repo.bucket(subAccountId),
    ]);
    const campaignOf = new Map(campaigns.map((c) => [c.id, c]));
    const rate = sender.segmentsPerSecond;
    const bucket = bucketRow
      ? refill({ tokens: bucketRow.tokens, updatedAt: bucketRow.refilledAt }, now, rate, capacityFor(rate))
      : null;
    const waits: MessageWait[] = [];
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      const facts = this.factsOf(
        row,
        sender,
        now,
        row.campaignId ? campaignOf.get(row.campaignId) : undefined,
        leadZones,
      );
      const queue = needsQueueCount(facts) ? await this.repo.queueAhead(row, now) : null;
      waits.push(explainWait({ ...facts, queue, bucket }));
    }
    return waits;
  }

  private factsOf(
    row: SmsMessageRow,
    sender: Sender,
    now: Date,
    campaign: WaitFacts['campaign'] | undefined,
    leadZones: Map<number, string | null>,
  ): Facts {
    const timeZone = recipientTimeZone(row.phoneNumber, row.leadId ? leadZones.get(row.leadId) : null, sender.timeZone);
    const at = row.notBefore > now ? row.notBefore : now;
    return {
      now,
      message: row,
      sender: {
        pausedReason: sender.pausedReason,
        configured: sender.credentials !== null,
        segmentsPerSecond: sender.segmentsPerSecond,
      },
      campaign: campaign ?? null,
      timeZone,
      quietUntil: row.ignoreQuietHours ? null : quietUntil(at, timeZone, sender.quietHours),
    };
  }
}
