export { startSimulator } from './server';
export { twilioSignature } from './signature';
export { countSegments } from './segments';
export { DEFAULT_KNOBS } from './knobs';
export { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from './accounts';
export { optionsFromEnv } from './env';
export type { AccountSenders } from './senders';
export type {
  InboundInjection,
  InboundResult,
  Knobs,
  MessageStatus,
  SimCounters,
  SimOptions,
  SimState,
  SimStateMessage,
  Simulator,
} from './types';
