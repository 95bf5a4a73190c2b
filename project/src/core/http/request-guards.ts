import { BadRequestException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Deeper JSON than any request of this API needs; past it, parsing and validation would only burn stack. */
export const MAX_JSON_DEPTH = 32;

const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/** Refuses a JSON body nested deeper than MAX_JSON_DEPTH, before it is parsed. */
export function rejectDeepJson(buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (OPEN.has(c) && ++depth > MAX_JSON_DEPTH) {
      throw new BadRequestException(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (CLOSE.has(c)) depth--;
  }
}

const webhookError = (reply: FastifyReply, statusCode: number, error: string, message: string) =>
  reply.code(statusCode).send({ statusCode, error, message });

/**
 * Twilio posts webhooks as application/x-www-form-urlencoded, one value per name. Anything else is
 * refused here (415, or 400 for a repeated name) before a controller reads it as a string map.
 */
export function formEncodedWebhooks(prefix: string) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (req.method !== 'POST' || !req.url.startsWith(prefix)) return;
    if (!req.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return webhookError(
        reply,
        415,
        'Unsupported Media Type',
        'Twilio webhooks must be application/x-www-form-urlencoded',
      );
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const repeated = Object.keys(body).find((k) => typeof body[k] !== 'string');
    if (repeated !== undefined) return webhookError(reply, 400, 'Bad Request', `${repeated}: must appear once`);
    return undefined;
  };
}
