import { Injectable, type MessageEvent } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { sendCsv } from 'src/core/http/csv-reply';
import { distinctUntilChanged, from, map, Observable, switchMap, takeWhile, timer } from 'rxjs';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { AppError } from 'src/core/errors/app-error';
import { isCampaignFinal, type CampaignStatus } from 'src/shared/sms/message-status';
import { csvCell } from '../sms-export.service';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

const POLL_MS = 500;

/** Live progress (Server-Sent Events) and the rejections report of a campaign. */
@Injectable()
export class CampaignEventsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly service: CampaignsService,
  ) {}

  /** Emits the campaign when its counters change (at most twice a second); completes once it is finished. */
  async stream(auth: AuthContext, id: number): Promise<Observable<MessageEvent>> {
    const subAccountId = tenantOf(auth);
    if (!(await this.campaigns.find(subAccountId, id))) throw AppError.notFound('Campaign');
    return timer(0, POLL_MS).pipe(
      switchMap(() => from(this.campaigns.find(subAccountId, id))),
      switchMap((row) => {
        if (!row) throw AppError.notFound('Campaign');
        return from(this.service.toDto(row));
      }),
      map((dto) => ({ key: JSON.stringify({ ...dto, updatedAt: undefined }), dto })),
      distinctUntilChanged((a, b) => a.key === b.key),
      takeWhile(({ dto }) => !isCampaignFinal(dto.status as CampaignStatus), true),
      map(({ dto }) => ({ data: dto, type: 'campaign' })),
    );
  }

  async rejectionsCsv(auth: AuthContext, id: number, reply: FastifyReply): Promise<void> {
    const campaign = await this.campaigns.find(tenantOf(auth), id);
    if (!campaign) throw AppError.notFound('Campaign');
    sendCsv(reply, `campaign-${id}-rejections.csv`, this.rejectionLines(id));
  }

  private async *rejectionLines(id: number): AsyncGenerator<string> {
    yield '\uFEFFrow,value,reason,message\r\n';
    for await (const rows of this.campaigns.rejections(id)) {
      yield rows.map((r) => [r.row, r.value, r.reason, r.message].map(csvCell).join(',')).join('\r\n') + '\r\n';
    }
  }
}
