import { Body, Controller, ForbiddenException, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Public } from 'src/core/auth/auth.decorators';
import { DatabaseService } from 'src/core/database/database.service';
import { MetricsService } from 'src/core/metrics/metrics.service';
import { detailsOf, MessageLifecycleService, statusDedupeKey } from '../dispatch/message-lifecycle.service';
import { SmsEventsRepository } from '../repositories/sms-events.repository';
import { SmsMessagesRepository } from '../repositories/sms-messages.repository';
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
    @Req() req: FastifyRequest,
    @Headers('x-twilio-signature') signature: string | undefined,
    @Body() params: Record<string, string>,
  ): Promise<string> {
    const url = this.config.publicBaseUrl + req.originalUrl;
    const sid = params.MessageSid ?? params.SmsSid ?? '';
    const status = params.MessageStatus ?? params.SmsStatus ?? '';
    const apply = () =>
      this.lifecycle.applyTwilioStatus(sid, status, detailsOf(params), 'status_callback', {
        dedupeKey: statusDedupeKey(params),
        payload: params,
        authorize: (message, tx) => this.auth.isSignedFor(message.subAccountId, signature, url, params, tx),
      });
    let result = sid ? await apply() : 'unknown_sid';
    if (result === 'unknown_sid')
      result = (await this.bufferEarly(sid, signature, url, params)) ? await apply() : result;
    if (result === 'forbidden') throw this.forbidden();
    this.metrics.webhooks.inc({ kind: 'status', result: result === 'unknown_sid' ? 'buffered' : result });
    return '';
  }

  /**
   * Not ours yet: the callback may have raced ahead of the commit that stores this sid. Under the sid's lock
   * (recordSent takes it too) it is buffered before that commit, or the message is found stored after all:
   * returns true then.
   */
  private async bufferEarly(
    sid: string,
    signature: string | undefined,
    url: string,
    params: Record<string, string>,
  ): Promise<boolean> {
    const signers = await this.auth.signingSubAccounts(signature, url, params);
    if (!sid || (signers.subAccountIds.length === 0 && !signers.environment)) throw this.forbidden();
    return this.database.transaction(async (tx) => {
      await this.events.lockSid(tx, sid);
      const stored = await this.messages.findBySid(sid, tx);
      if (!stored) await this.events.bufferEarlyCallback(tx, sid, statusDedupeKey(params), params);
      return stored !== undefined;
    });
  }

  private forbidden(): ForbiddenException {
    this.metrics.webhooks.inc({ kind: 'status', result: 'forbidden' });
    return new ForbiddenException('Twilio request validation failed');
  }
}
