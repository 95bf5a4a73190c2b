import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from './secret-box';

describe('secret-box', () => {
  const key = randomBytes(32);

  it('round-trips a secret without storing it in clear', () => {
    const sealed = encryptSecret(key, 'twilio-auth-token-123');
    expect(sealed).not.toContain('twilio-auth-token-123');
    expect(decryptSecret(key, sealed)).toBe('twilio-auth-token-123');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret(key, 'x')).not.toBe(encryptSecret(key, 'x'));
  });

  it('refuses a tampered ciphertext or another key', () => {
    const sealed = encryptSecret(key, 'secret');
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(key, parts.join(':'))).toThrow();
    expect(() => decryptSecret(randomBytes(32), sealed)).toThrow();
  });
});
