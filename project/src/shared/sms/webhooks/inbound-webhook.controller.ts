import { Body, Controller, ForbiddenException, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Public } from 'src/core/auth/auth.decorators';
import { MetricsService } from 'src/core/metrics/metrics.service';
import { InboundMessageService } from './inbound-message.service';
import { InboundRouterService, type InboundRoute } from './inbound-router.service';
import { UnassignedInboundService } from './unassigned-inbound.service';
import { WebhookAuthService } from './webhook-auth.service';

const xml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** Twilio's incoming-message webhook: signed like status callbacks; answers TwiML. */
@ApiTags('webhooks')
// Twilio retries a callback about once: a rate limit here would lose statuses. The signature is the gate.
@SkipThrottle()
@Controller('sms/webhooks/twilio')
export class InboundWebhookController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: WebhookAuthService,
    private readonly router: InboundRouterService,
    private readonly inbound: InboundMessageService,
    private readonly unassigned: UnassignedInboundService,
    private readonly metrics: MetricsService,
  ) {}

  @Public()
  @Post('inbound')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async receive(
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
    @Headers('x-twilio-signature') signature: string | undefined,
    @Body() params: Record<string, string>,
  ): Promise<void> {
    const url = this.config.publicBaseUrl + req.originalUrl;
    const route = await this.router.route(params);
    if (!(await this.isSigned(route, signature, url, params))) {
      this.metrics.webhooks.inc({ kind: 'inbound', result: 'forbidden' });
      throw new ForbiddenException('Twilio request validation failed');
    }
    const result =
      route.kind === 'subaccount'
        ? await this.inbound.receive(route.subAccountId, params, route.keywordScope)
        : await this.unassigned.receive(params, route);
    const reply = result.reply;
    const stored = route.kind === 'subaccount' ? 'stored' : 'unassigned';
    this.metrics.webhooks.inc({ kind: 'inbound', result: result.stored ? stored : 'duplicate' });
    void res
      .type('text/xml')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>${reply ? `<Response><Message>${xml(reply)}</Message></Response>` : '<Response/>'}`,
      );
  }

  private isSigned(route: InboundRoute, signature: string | undefined, url: string, params: Record<string, string>) {
    if (route.signer === 'environment') return this.auth.isSignedByEnvironment(signature, url, params);
    if (route.kind === 'subaccount' && route.signer === 'subaccount') {
      return this.auth.isSignedFor(route.subAccountId, signature, url, params);
    }
    return this.auth.isSignedByAnyKnown(signature, url, params);
  }
}
