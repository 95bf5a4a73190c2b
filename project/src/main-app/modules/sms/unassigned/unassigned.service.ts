import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService } from 'src/core/database/database.service';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { keysetQueryOf } from 'src/core/database/keyset-page';
import { pageOf, type Page } from 'src/core/http/pagination';
import { SmsAuditRepository } from 'src/shared/sms/audit/sms-audit.repository';
import { maskPhone } from 'src/shared/sms/phone.rules';
import { SmsUnassignedRepository } from 'src/shared/sms/repositories/sms-unassigned.repository';
import { SmsSettingsRepository } from 'src/shared/sms/settings/sms-settings.repository';
import { InboundMessageService } from 'src/shared/sms/webhooks/inbound-message.service';
import { mapUnassigned, type UnassignedMessageDto, type UnassignedQueryDto } from './unassigned.dto';

/** The system admin's Unassigned inbox: read it, and file a reply under the SubAccount it belongs to. */
@Injectable()
export class UnassignedService {
  constructor(
    private readonly database: DatabaseService,
    private readonly unassigned: SmsUnassignedRepository,
    private readonly settings: SmsSettingsRepository,
    private readonly inbound: InboundMessageService,
    private readonly audit: SmsAuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(q: UnassignedQueryDto): Promise<Page<UnassignedMessageDto>> {
    const { items, ...rest } = await this.unassigned.list({ ...keysetQueryOf(q), open: q.state === 'open' });
    return pageOf(items.map(mapUnassigned), rest, q);
  }

  /**
   * Stores the reply as an inbound message of that SubAccount (thread, lead, notifications, automation stops).
   * Its keyword already acted for every SubAccount on its sender when it arrived, so it does not act again.
   */
  async assign(auth: AuthContext, id: number, subAccountId: number): Promise<UnassignedMessageDto> {
    if (!(await this.settings.subAccount(subAccountId))) throw AppError.notFound('SubAccount');
    const row = await this.database.transaction(async (tx) => {
      const open = await this.unassigned.lockOpen(id, tx);
      if (!open)
        throw new AppError(AppErrorCode.CONFLICT, `Unassigned message ${id} does not exist or is already filed`);
      const stored = await this.inbound.receiveIn(tx, subAccountId, open.payload, []);
      await this.audit.record(
        {
          subAccountId,
          actorKind: 'admin',
          actorId: auth.id,
          action: 'inbound.assign',
          targetType: 'phone',
          targetId: maskPhone(open.fromNumber),
          details: { unassignedId: id, messageId: stored.messageId },
        },
        tx,
      );
      return this.unassigned.markAssigned(
        id,
        { subAccountId, messageId: stored.messageId, adminId: auth.id, at: this.clock.now() },
        tx,
      );
    });
    return mapUnassigned(row);
  }
}
