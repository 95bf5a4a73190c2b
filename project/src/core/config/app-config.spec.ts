import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

const JWT_SECRET = 'a-jwt-secret-that-is-long-enough-0123456789';
const ENCRYPTION_KEY = 'ab'.repeat(32);

describe(loadConfig.name, () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loctelli-config-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET,
    ENCRYPTION_KEY,
    ...extra,
  });

  function configErrorOf(source: Record<string, string>): ConfigError {
    try {
      loadConfig(source);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return e as ConfigError;
    }
    throw new Error(`expected loadConfig to reject ${JSON.stringify(source)}`);
  }

  describe('rejects a bad value naming the variable and what it expects', () => {
    it.each([
      ['PORT', 'abc', /expected number/],
      ['PORT', '0', />=\s*1/],
      ['PORT', '70000', /<=\s*65535/],
      ['PORT', '80.5', /expected int/],
      ['DATABASE_URL', 'mysql://db/app', /postgres:\/\/ or postgresql:\/\//],
      ['TWILIO_ACCOUNT_SID', 'ACnot-a-sid', /AC followed by 32 hex characters/],
      ['TWILIO_PHONE_NUMBER', '555-1234', /E\.164/],
      ['ENCRYPTION_KEY', 'abc123', /64 hex characters/],
      ['SMS_RATE_LIMIT_PER_MINUTE', '0', />=\s*1/],
      ['SMS_RATE_LIMIT_PER_MINUTE', 'fast', /expected number/],
      // operations.md "Settings and their minimums": a shorter lease reaps sends still in flight
      ['SMS_LEASE_SECONDS', '4', />=\s*5/],
      ['SMS_STATUS_RECONCILE_AFTER_MINUTES', '0', />=\s*1/],
    ])('%s=%s', (name, value, expects) => {
      const error = configErrorOf(env({ [name]: value }));
      expect(error.problems).toHaveLength(1);
      const [problem] = error.problems;
      expect(problem!.startsWith(`${name}: `)).toBe(true);
      expect(problem).toMatch(expects);
      expect(error.message).toContain(problem);
    });

    it('lists every bad variable at once', () => {
      const error = configErrorOf(env({ PORT: 'x', TWILIO_PHONE_NUMBER: '12' }));
      expect(error.problems.map((p) => p.split(':')[0])).toEqual(
        expect.arrayContaining(['PORT', 'TWILIO_PHONE_NUMBER']),
      );
    });

    it('does not echo a secret value in the message', () => {
      const error = configErrorOf(env({ ENCRYPTION_KEY: 'super-secret-but-not-hex' }));
      expect(error.message).not.toContain('super-secret-but-not-hex');
    });
  });

  describe('in production', () => {
    it.each(['JWT_SECRET', 'ENCRYPTION_KEY'])('requires %s', (name) => {
      const source: Record<string, string> = env({ NODE_ENV: 'production' });
      delete source[name];
      const error = configErrorOf(source);
      expect(error.message).toContain(`${name}: is required when NODE_ENV=production`);
      expect(fs.existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
    });

    it('uses the given secrets', () => {
      const config = loadConfig(env({ NODE_ENV: 'production' }));
      expect(config.jwtSecret).toBe(JWT_SECRET);
      expect(config.encryptionKey.toString('hex')).toBe(ENCRYPTION_KEY);
      expect(config.generatedSecrets).toEqual([]);
    });
  });

  describe('in development', () => {
    const devEnv = () => ({ NODE_ENV: 'development', DATA_DIR: dataDir });

    it('generates missing secrets once into DATA_DIR/secrets.json and reuses them on the next load', () => {
      const first = loadConfig(devEnv());
      expect(first.generatedSecrets.sort()).toEqual(['ENCRYPTION_KEY', 'JWT_SECRET']);
      expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
      expect(first.encryptionKey).toHaveLength(32);

      const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
      expect(stored.JWT_SECRET).toBe(first.jwtSecret);
      expect(stored.ENCRYPTION_KEY).toBe(first.encryptionKey.toString('hex'));

      const second = loadConfig(devEnv());
      expect(second.jwtSecret).toBe(first.jwtSecret);
      expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
      expect(second.generatedSecrets).toEqual([]);
    });

    it('generates only the secret that is missing', () => {
      const config = loadConfig({ ...devEnv(), JWT_SECRET });
      expect(config.jwtSecret).toBe(JWT_SECRET);
      expect(config.generatedSecrets).toEqual(['ENCRYPTION_KEY']);
    });
  });

  it("defaults to the plan's values", () => {
    const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET, ENCRYPTION_KEY });
    expect(config.env).toBe('development');
    expect(config.port).toBe(3001);
    expect(config.webPort).toBe(3000);
    expect(config.sms.rateLimitPerMinute).toBe(60);
    expect(config.sms.maxBatchSize).toBe(100);
    expect(config.sms.retryAttempts).toBe(3);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicBaseUrl).toBe('http://127.0.0.1:3001');
  });

  describe('TRUST_PROXY', () => {
    it('trusts only loopback by default', () => {
      expect(loadConfig(env({})).trustProxy).toEqual(['loopback']);
    });

    it.each([
      ['false', false],
      ['2', 2],
      ['10.0.0.1, 10.0.0.0/8,loopback', ['10.0.0.1', '10.0.0.0/8', 'loopback']],
      ['::1,fd00::/8', ['::1', 'fd00::/8']],
    ])('reads %s', (value, expected) => {
      expect(loadConfig(env({ TRUST_PROXY: value })).trustProxy).toEqual(expected);
    });

    it.each(['true', '*', '10.0.0.0/33', 'proxy.example.com'])('refuses %s, naming the variable', (value) => {
      expect(() => loadConfig(env({ TRUST_PROXY: value }))).toThrow(/TRUST_PROXY: must be false, a hop count/);
    });
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig(
      env({
        PORT: '',
        SMS_RATE_LIMIT_PER_MINUTE: '',
        DATABASE_URL: '',
        TWILIO_ACCOUNT_SID: '',
        TWILIO_PHONE_NUMBER: '',
      }),
    );
    expect(config.port).toBe(3001);
    expect(config.sms.rateLimitPerMinute).toBe(60);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.twilio.accountSid).toBeUndefined();
  });

  it('reads valid values', () => {
    const config = loadConfig(
      env({
        PORT: '8080',
        DATABASE_URL: 'postgres://u:p@db:5432/sms',
        TWILIO_ACCOUNT_SID: `AC${'a1'.repeat(16)}`,
        TWILIO_PHONE_NUMBER: '+15551234567',
        SMS_RATE_LIMIT_PER_MINUTE: '120',
        PUBLIC_BASE_URL: 'https://sms.example.com/',
      }),
    );
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/sms');
    expect(config.twilio.accountSid).toBe(`AC${'a1'.repeat(16)}`);
    expect(config.twilio.phoneNumber).toBe('+15551234567');
    expect(config.sms.rateLimitPerMinute).toBe(120);
    expect(config.publicBaseUrl).toBe('https://sms.example.com');
  });
});
