/** A reply no single SubAccount could claim (GET /api/sms/unassigned), for system admins. */
export interface UnassignedMessage {
  id: number;
  fromNumber: string;
  toNumber: string | null;
  messagingServiceSid: string | null;
  body: string;
  keyword: 'opt_out' | 'opt_in' | 'help' | null;
  /** SubAccounts that know this phone (texted it or own a lead with it); empty: none. */
  candidateSubAccountIds: number[];
  receivedAt: string;
  assignedSubAccountId: number | null;
  assignedMessageId: number | null;
  assignedAt: string | null;
}
