import type { IncomingMessage } from 'node:http';
import { authenticate } from './auth';
import { apiError } from './errors';
import { API_VERSION } from './twilio-json';

/** The phone numbers and Messaging Services each simulated account owns. */
export interface AccountSenders {
  phoneNumbers?: string[];
  messagingServices?: string[];
}

/** Which account owns which sender, so the engine can check a SubAccount's claim before using one. */
export class SenderRegistry {
  private readonly numbers = new Map<string, Set<string>>();
  private readonly services = new Map<string, Set<string>>();

  constructor(initial: Record<string, AccountSenders> = {}) {
    for (const [accountSid, senders] of Object.entries(initial)) this.add(accountSid, senders);
  }

  add(accountSid: string, senders: AccountSenders): void {
    const into = (map: Map<string, Set<string>>, values: string[] = []) => {
      const set = map.get(accountSid) ?? new Set<string>();
      values.forEach((v) => set.add(v));
      map.set(accountSid, set);
    };
    into(this.numbers, senders.phoneNumbers);
    into(this.services, senders.messagingServices);
  }

  numbersOf(accountSid: string): string[] {
    return [...(this.numbers.get(accountSid) ?? [])];
  }

  ownsService(accountSid: string, serviceSid: string): boolean {
    return this.services.get(accountSid)?.has(serviceSid) ?? false;
  }
}

const PN_PAD = '0'.repeat(32);
/** A stable PN sid per number (Twilio's are random; tests only need them well-formed). */
const numberSid = (phone: string) => ('PN' + Buffer.from(phone).toString('hex') + PN_PAD).slice(0, 34);

/** GET IncomingPhoneNumbers.json: the account's numbers, filtered by PhoneNumber as Twilio does (contains). */
export function listIncomingNumbers(registry: SenderRegistry, accountSid: string, query: URLSearchParams) {
  const wanted = query.get('PhoneNumber') ?? '';
  const pageSize = Math.min(Number(query.get('PageSize') ?? 50) || 50, 1000);
  const uri = `/${API_VERSION}/Accounts/${accountSid}/IncomingPhoneNumbers.json`;
  const rows = registry
    .numbersOf(accountSid)
    .filter((n) => n.includes(wanted))
    .slice(0, pageSize)
    .map((phone) => ({
      account_sid: accountSid,
      capabilities: { sms: true, mms: false, voice: true, fax: false },
      friendly_name: phone,
      phone_number: phone,
      sid: numberSid(phone),
      status: 'in-use',
      uri: `/${API_VERSION}/Accounts/${accountSid}/IncomingPhoneNumbers/${numberSid(phone)}.json`,
    }));
  return {
    incoming_phone_numbers: rows,
    end: Math.max(0, rows.length - 1),
    first_page_uri: `${uri}?PageSize=${pageSize}&Page=0`,
    next_page_uri: null,
    page: 0,
    page_size: pageSize,
    previous_page_uri: null,
    start: 0,
    uri,
  };
}

/** The account a Messaging API call acts for: the Basic auth user (its paths carry no account). */
function basicUser(req: IncomingMessage): string {
  const match = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  const decoded = match ? Buffer.from(match[1], 'base64').toString('utf-8') : '';
  return decoded.split(':')[0] ?? '';
}

/** GET https://messaging.twilio.com/v1/Services/{Sid}: 404 (20404) unless the caller's account owns it. */
export function fetchService(
  registry: SenderRegistry,
  accounts: Record<string, string>,
  req: IncomingMessage,
  serviceSid: string,
) {
  const accountSid = basicUser(req);
  authenticate(req, accounts, accountSid);
  if (!registry.ownsService(accountSid, serviceSid)) {
    throw apiError(404, 20404, `The requested resource /Services/${serviceSid} was not found`);
  }
  return {
    account_sid: accountSid,
    friendly_name: `Simulated service ${serviceSid.slice(-4)}`,
    sid: serviceSid,
    url: `https://messaging.twilio.com/v1/Services/${serviceSid}`,
  };
}
