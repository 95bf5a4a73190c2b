import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { DatabaseService } from 'src/core/database/database.service';
import { leads } from 'src/core/database/schema';
import { quietUntil, recipientTimeZone } from '../quiet-hours';
import type { Sender } from '../settings/sender.service';

/** Whether a message must wait for the recipient's quiet hours to end, and until when. */
@Injectable()
export class QuietHoursService {
  constructor(private readonly database: DatabaseService) {}

  async waitUntil(
    message: { phoneNumber: string; leadId: number | null; ignoreQuietHours: boolean },
    sender: Pick<Sender, 'quietHours' | 'timeZone'>,
    at: Date,
  ): Promise<Date | null> {
    if (message.ignoreQuietHours || !sender.quietHours.enabled) return null;
    const zone = recipientTimeZone(message.phoneNumber, await this.leadTimeZone(message.leadId), sender.timeZone);
    return quietUntil(at, zone, sender.quietHours);
  }

  private async leadTimeZone(leadId: number | null): Promise<string | null> {
    if (!leadId) return null;
    const [row] = await this.database.db.select({ tz: leads.timeZone }).from(leads).where(eq(leads.id, leadId));
    return row?.tz ?? null;
  }
}
