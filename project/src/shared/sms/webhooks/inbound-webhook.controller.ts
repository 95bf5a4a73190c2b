import {
  Body,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  Inject,
  Logger,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Public } from 'src/core/auth/auth.decorators';
import { MetricsService } from 'src/core/metrics/metrics.service';
import { maskPhone } from '../phone.rules';
import { InboundMessageService } from './inbound-message.service';
import { InboundRouterService } from './inbound-router.service';
import { WebhookAuthService } from './webhook-auth.service';

const xml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** Twilio's incoming-message webhook: signed like status callbacks; answers TwiML. */
@ApiTags('webhooks')
// Twilio retries a callback about once: a rate limit here would lose statuses. The signature is the gate.
@SkipThrottle()
@Controller('sms/webhooks/twilio')
export class InboundWebhookController {
  private readonly logger = new Logger('InboundWebhook');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: WebhookAuthService,
    private readonly router: InboundRouterService,
    private readonly inbound: InboundMessageService,
    private readonly metrics: MetricsService,
  ) {}

  @Public()
  @Post('inbound')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async receive(
    @Req() req: Request,
    @Res() res: Response,
    @Headers('x-twilio-signature') signature: string | undefined,
    @Body() params: Record<string, string>,
  ): Promise<void> {
    const url = this.config.publicBaseUrl + req.originalUrl;
    const subAccountId = await this.router.route(params);
    const signed =
      subAccountId !== undefined
        ? await this.auth.isSignedFor(subAccountId, signature, url, params)
        : (await this.auth.signingSubAccounts(signature, url, params)).environment;
    if (!signed) {
      this.metrics.webhooks.inc({ kind: 'inbound', result: 'forbidden' });
      throw new ForbiddenException('Twilio request validation failed');
    }
    let reply: string | null = null;
    if (subAccountId === undefined) {
      this.logger.warn(
        `Inbound message from ${maskPhone(params.From ?? '')} to ${params.To ?? '?'} matches no SubAccount; not stored`,
      );
      this.metrics.webhooks.inc({ kind: 'inbound', result: 'unroutable' });
    } else {
      const result = await this.inbound.receive(subAccountId, params);
      reply = result.reply;
      this.metrics.webhooks.inc({ kind: 'inbound', result: result.stored ? 'stored' : 'duplicate' });
    }
    res
      .type('text/xml')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>${reply ? `<Response><Message>${xml(reply)}</Message></Response>` : '<Response/>'}`,
      );
  }
}
