import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Twilio posts webhooks as application/x-www-form-urlencoded, one value per name. Anything else is
 * refused here (415, or 400 for a repeated name) before a controller reads it as a string map.
 */
export function formEncodedWebhooks(prefix: string) {
  return async (req: FastifyRequest): Promise<void> => {
    if (req.method !== 'POST' || !req.url.startsWith(prefix)) return;
    if (!req.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new UnsupportedMediaTypeException('Twilio webhooks must be application/x-www-form-urlencoded');
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const repeated = Object.keys(body).find((k) => typeof body[k] !== 'string');
    if (repeated !== undefined) throw new BadRequestException(`${repeated}: must appear once`);
  };
}
