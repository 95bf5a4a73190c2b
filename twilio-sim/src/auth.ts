import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { apiError } from './errors';

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Basic auth `AccountSid:AuthToken` against the known accounts; the path's AccountSid must be the caller's. */
export function authenticate(req: IncomingMessage, accounts: Record<string, string>, pathAccountSid: string): void {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(.+)$/i.exec(header);
  if (!match) throw apiError(401, 20003, 'Authenticate');
  const decoded = Buffer.from(match[1], 'base64').toString('utf-8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const token = accounts[user];
  if (token === undefined) throw apiError(401, 20003, 'Authentication Error - invalid username');
  if (!sameText(token, password)) throw apiError(401, 20003, 'Authentication Error - invalid password');
  if (user !== pathAccountSid) throw apiError(403, 20003, 'Permission Denied');
}
