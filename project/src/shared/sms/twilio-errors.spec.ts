import { describe, expect, it } from 'vitest';
import { classifySendError, describeTwilioError, TWILIO_ERRORS } from 'src/shared/sms/twilio-errors';

describe('classifySendError', () => {
  it('retries a network error that never got a response', () => {
    expect(classifySendError({ networkError: true })).toMatchObject({ kind: 'retryable' });
    expect(classifySendError({})).toMatchObject({ kind: 'retryable' });
  });

  it('retries HTTP 429 and code 20429', () => {
    expect(classifySendError({ status: 429 }).kind).toBe('retryable');
    expect(classifySendError({ status: 429, code: 20429 })).toMatchObject({ kind: 'retryable', code: 20429 });
  });

  it('retries any 5xx, even with a code', () => {
    expect(classifySendError({ status: 503 }).kind).toBe('retryable');
    expect(classifySendError({ status: 500, code: 21211 }).kind).toBe('retryable');
  });

  it.each([
    [21211, 'permanent'],
    [21408, 'permanent'],
    [21612, 'permanent'],
    [21614, 'permanent'],
    [21617, 'permanent'],
    [21610, 'opted_out'],
    [20003, 'credentials'],
    [21611, 'retryable'],
  ] as const)('classifies code %i as %s', (code, kind) => {
    expect(classifySendError({ status: code === 20003 ? 401 : 400, code })).toMatchObject({ kind, code });
  });

  it("keeps Twilio's text and falls back to the table's title", () => {
    expect(classifySendError({ status: 400, code: 21211, message: "The 'To' number +1 is not valid" }).message).toBe(
      "The 'To' number +1 is not valid",
    );
    expect(classifySendError({ status: 400, code: 21211 }).message).toBe("Invalid 'To' phone number");
  });

  it('tells the caller to wait longer than a backoff for a full sender queue', () => {
    expect(classifySendError({ status: 400, code: 21611 }).retryAfterMs).toBeGreaterThanOrEqual(60_000);
  });

  it('treats an unknown 4xx as permanent', () => {
    expect(classifySendError({ status: 400, code: 99999 })).toMatchObject({ kind: 'permanent', code: 99999 });
    expect(classifySendError({ status: 404 }).kind).toBe('permanent');
  });

  it('treats a bare 401 as a credentials problem', () => {
    expect(classifySendError({ status: 401 }).kind).toBe('credentials');
  });
});

describe('TWILIO_ERRORS', () => {
  it('does not auto-resend an undelivered message but lets a person resend it', () => {
    expect(TWILIO_ERRORS[30003]).toMatchObject({ kind: 'permanent', resendable: true });
    expect(TWILIO_ERRORS[30007]).toMatchObject({ kind: 'permanent', resendable: false });
  });

  it('retries what Twilio never sent: queue overflow and pumping protection', () => {
    expect(TWILIO_ERRORS[30001].kind).toBe('retryable');
    expect(TWILIO_ERRORS[30450]).toMatchObject({ kind: 'retryable', retryAfterMs: 15 * 60_000 });
  });

  it('covers every code named in FACTS §5', () => {
    const codes = [
      20003, 20429, 21211, 21212, 21408, 21606, 21608, 21610, 21611, 21612, 21614, 21617, 21635, 30001, 30002, 30003,
      30004, 30005, 30006, 30007, 30008, 30032, 30034, 30036, 30450, 57012,
    ];
    expect(codes.filter((c) => !TWILIO_ERRORS[c])).toEqual([]);
  });

  it('marks every retryable code as resendable', () => {
    const wrong = Object.entries(TWILIO_ERRORS).filter(([, e]) => e.kind === 'retryable' && !e.resendable);
    expect(wrong).toEqual([]);
  });
});

describe(describeTwilioError.name, () => {
  it('gives every known code a meaning and an action', () => {
    const missing = Object.entries(TWILIO_ERRORS).filter(([, e]) => !e.meaning || !e.advice);
    expect(missing).toEqual([]);
    expect(describeTwilioError(30007)).toMatchObject({
      title: 'Filtered by the carrier',
      known: true,
      docsUrl: 'https://www.twilio.com/docs/api/errors/30007',
    });
    expect(describeTwilioError(30007).action).toMatch(/Do not resend the same text/);
  });

  it('says so for a code it does not know, and for no code', () => {
    expect(describeTwilioError(39999)).toMatchObject({ known: false, title: 'Twilio error 39999' });
    expect(describeTwilioError(39999).meaning).toMatch(/Unknown code/);
    expect(describeTwilioError(null)).toMatchObject({ known: false, title: 'No error code', docsUrl: null });
    expect(describeTwilioError(0).title).toBe('No error code');
  });
});
