import type { Schema } from './api';

/** A reply no single SubAccount could claim (GET /api/sms/unassigned), for system admins. */
export type UnassignedMessage = Schema<'UnassignedMessageDto'>;
