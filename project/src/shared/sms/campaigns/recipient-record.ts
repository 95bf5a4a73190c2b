/** One recipient of a campaign, from a CSV row, a pasted list or a lead. */
export interface RecipientRecord {
  /** Where it came from, for rejection reports (spreadsheet row, or position in the list). */
  row: number;
  phone: string;
  variables: Record<string, string>;
  leadId?: number;
}

export const REJECTION_REASONS = [
  'invalid_phone',
  'spreadsheet_mangled',
  'duplicate',
  'opted_out',
  'missing_variable',
  'empty_message',
  'too_long',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface Rejection {
  row: number;
  value: string;
  reason: RejectionReason;
  message: string;
}

export interface PreparedMessage {
  row: number;
  phoneNumber: string;
  message: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  leadId?: number;
}
