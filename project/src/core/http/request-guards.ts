import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** Deeper JSON than any request of this API needs; past it, parsing and validation would only burn stack. */
export const MAX_JSON_DEPTH = 32;

const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/** body-parser `verify` hook: refuses a JSON body nested deeper than MAX_JSON_DEPTH, before it is parsed. */
export function rejectDeepJson(_req: IncomingMessage, _res: ServerResponse, buf: Buffer): void {
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
      throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), {
        status: 400,
        type: 'entity.too.deep',
      });
    } else if (CLOSE.has(c)) depth--;
  }
}

const webhookError = (res: Response, statusCode: number, error: string, message: string) =>
  res.status(statusCode).json({ statusCode, error, message });

/**
 * Twilio posts webhooks as application/x-www-form-urlencoded, one value per name. Anything else is
 * refused here (415, or 400 for a repeated name) before a controller reads it as a string map.
 */
export function formEncodedWebhooks(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST') return next();
  if (!req.is('application/x-www-form-urlencoded')) {
    webhookError(res, 415, 'Unsupported Media Type', 'Twilio webhooks must be application/x-www-form-urlencoded');
    return;
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  const repeated = Object.keys(body).find((k) => typeof body[k] !== 'string');
  if (repeated !== undefined) {
    webhookError(res, 400, 'Bad Request', `${repeated}: must appear once`);
    return;
  }
  next();
}
