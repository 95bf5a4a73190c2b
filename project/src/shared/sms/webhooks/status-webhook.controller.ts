import { Body, Controller, ForbiddenException, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request } from 'express';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Public } from 'src/core/auth/auth.decorators';
import { DatabaseService } from 'src/core/database/database.service';
import { MetricsService } from 'src/core/metrics/metrics.service';
import { detailsOf, MessageLifecycleService, statusDedupeKey } from '../dispatch/message-lifecycle.service';
import { SmsEventsRepository } from '../repositories/sms-events.repository';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { WebhookAuthService } from './webhook-auth.service';

/** Twilio's status callbacks: signed, out of order, sometimes twice, sometimes never. */
@ApiTags('webhooks')
// Twilio retries a callback about once: a rate limit here would lose statuses. The signature is the gate.
@SkipThrottle()
@Controller('sms/webhooks/twilio')
export class StatusWebhookController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly auth: WebhookAuthService,
    private readonly messages: SmsMessagesRepository,
    private readonly events: SmsEventsRepository,
    private readonly lifecycle: MessageLifecycleService,
    private readonly metrics: MetricsService,
  ) {}

  @Public()
  @Post('status')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async status(
    @Req() req: Request,
    @Headers('x-twilio-signature') signature: string | undefined,
    @Body() params: Record<string, string>,
  ): Promise<string> {
    const url = this.config.publicBaseUrl + req.originalUrl;
    const sid = params.MessageSid ?? params.SmsSid ?? '';
    const status = params.MessageStatus ?? params.SmsStatus ?? '';
    const message = sid ? await this.messages.findBySid(sid) : undefined;
    if (message) return this.applyToMessage(message, sid, status, signature, url, params);
    // Not ours yet: the callback may have raced ahead of the commit that stores this sid.
    const signers = await this.auth.signingSubAccounts(signature, url, params);
    if (!sid || (signers.subAccountIds.length === 0 && !signers.environment)) throw this.forbidden();
    // Under the sid's lock (recordSent takes it too): buffered before that commit, or stored before this look.
    const stored = await this.database.transaction(async (tx) => {
      await this.events.lockSid(tx, sid);
      const row = await this.messages.findBySid(sid, tx);
      if (!row) await this.events.bufferEarlyCallback(tx, sid, statusDedupeKey(params), params);
      return row;
    });
    if (stored) return this.applyToMessage(stored, sid, status, signature, url, params);
    this.metrics.webhooks.inc({ kind: 'status', result: 'buffered' });
    return '';
  }

  private async applyToMessage(
    message: SmsMessageRow,
    sid: string,
    status: string,
    signature: string | undefined,
    url: string,
    params: Record<string, string>,
  ): Promise<string> {
    if (!(await this.auth.isSignedFor(message.subAccountId, signature, url, params))) throw this.forbidden();
    const result = await this.lifecycle.applyTwilioStatus(sid, status, detailsOf(params), 'status_callback', {
      dedupeKey: statusDedupeKey(params),
      payload: params,
    });
    this.metrics.webhooks.inc({ kind: 'status', result });
    return '';
  }

  private forbidden(): ForbiddenException {
    this.metrics.webhooks.inc({ kind: 'status', result: 'forbidden' });
    return new ForbiddenException('Twilio request validation failed');
  }
}
