import querystring from 'node:querystring';
import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** JSON and form bodies above this are refused (413), as body-parser's default did. */
export const BODY_LIMIT_BYTES = 100 * 1024;
/** Twilio's webhooks carry a few dozen parameters; far more is not Twilio. */
export const MAX_FORM_PARAMETERS = 200;
/** Deeper JSON than any request of this API needs; past it, parsing and validation would only burn stack. */
export const MAX_JSON_DEPTH = 32;

const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/** Refuses a JSON body nested deeper than MAX_JSON_DEPTH, before it is parsed. */
function rejectDeepJson(buf: Buffer): void {
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

/**
 * JSON (depth-checked, an empty body read as none), form-encoded (Twilio's webhooks: a repeated name becomes a
 * list, which the webhook check refuses), multipart left unread for the upload's own streaming reader, and any
 * other type accepted without a body, as Express did, so each route decides what it needs.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const limits = { bodyLimit: BODY_LIMIT_BYTES };
  fastify.addContentTypeParser(
    'application/json',
    { ...limits, parseAs: 'buffer' },
    async (_req: FastifyRequest, body: Buffer) => parseJson(body),
  );
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { ...limits, parseAs: 'string' },
    async (_req: FastifyRequest, body: string) => parseForm(body),
  );
  fastify.addContentTypeParser('multipart/form-data', (_req, _payload, done) => done(null));
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null));
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  rejectDeepJson(body);
  const text = body.toString('utf8');
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') throw new BadRequestException('Request body is not valid JSON');
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestException('Request body is not valid JSON');
  }
}

function parseForm(body: string): Record<string, string | string[]> {
  const parameters = body === '' ? 0 : body.split('&').length;
  if (parameters > MAX_FORM_PARAMETERS) throw new PayloadTooLargeException('Too many form parameters');
  return { ...querystring.parse(body) } as Record<string, string | string[]>;
}
