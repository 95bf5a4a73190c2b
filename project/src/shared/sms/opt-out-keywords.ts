export type KeywordKind = 'opt_out' | 'opt_in' | 'help';

// Twilio's defaults (FACTS §3); REVOKE and OPTOUT since 2025-05-14. Only a whole one-word message counts.
const KEYWORDS: Record<string, KeywordKind> = {
  STOP: 'opt_out',
  STOPALL: 'opt_out',
  UNSUBSCRIBE: 'opt_out',
  CANCEL: 'opt_out',
  END: 'opt_out',
  QUIT: 'opt_out',
  REVOKE: 'opt_out',
  OPTOUT: 'opt_out',
  START: 'opt_in',
  UNSTOP: 'opt_in',
  YES: 'opt_in',
  HELP: 'help',
  INFO: 'help',
};

const OPT_OUT_TYPE: Record<string, KeywordKind> = { STOP: 'opt_out', START: 'opt_in', HELP: 'help' };

/** `optOutType` is Twilio's OptOutType webhook param (Advanced Opt-Out, custom keywords included): it wins when present. */
export function classifyKeyword(body: string, optOutType?: string): KeywordKind | null {
  const fromTwilio = optOutType ? OPT_OUT_TYPE[optOutType.trim().toUpperCase()] : undefined;
  if (fromTwilio) return fromTwilio;
  return KEYWORDS[body.trim().toUpperCase()] ?? null;
}
