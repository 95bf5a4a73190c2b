/** A Twilio REST error, rendered as Twilio's error body by the router. */
export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'TwilioApiError';
  }

  toJSON(): { code: number; message: string; more_info: string; status: number } {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export const apiError = (status: number, code: number, message: string): TwilioApiError =>
  new TwilioApiError(status, code, message);

/** Twilio's test 'To' numbers and the create error each one triggers (FACTS §8). */
export const MAGIC_TO: Record<string, { code: number; message: (to: string) => string }> = {
  '+15005550001': { code: 21211, message: (to) => `The 'To' number ${to} is not a valid phone number.` },
  '+15005550002': {
    code: 21612,
    message: (to) => `The 'To' phone number: ${to}, is not currently reachable using the 'From' phone number via SMS.`,
  },
  '+15005550003': {
    code: 21408,
    message: (to) =>
      `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`,
  },
  '+15005550004': {
    code: 21610,
    message: () => "Message cannot be sent to the 'To' number because the customer has replied with STOP",
  },
  '+15005550009': { code: 21614, message: (to) => `'To' number ${to} is not a valid mobile number` },
};

/** Twilio's test 'From' numbers that fail (FACTS §8); any other From passes in the simulator. */
export const MAGIC_FROM: Record<string, { code: number; message: (from: string) => string }> = {
  '+15005550001': { code: 21212, message: (from) => `The 'From' number ${from} is not a valid phone number.` },
  '+15005550007': {
    code: 21606,
    message: (from) => `The 'From' phone number ${from} is not a valid, SMS-capable inbound phone number.`,
  },
  '+15005550008': {
    code: 21611,
    message: () => "This 'From' number has exceeded the maximum number of queued messages",
  },
};

/** Texts Twilio shows for the asynchronous delivery errors the simulator produces. */
export const DELIVERY_ERROR_TEXT: Record<number, string> = {
  30001: 'Queue overflow',
  30002: 'Account suspended',
  30003: 'Unreachable destination handset',
  30004: 'Message blocked',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
  30032: 'Toll-Free Number Has Not Been Verified',
  30034: 'Message from an Unregistered Number',
};
