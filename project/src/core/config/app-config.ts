import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { envSchema, type Env } from './config.schema';

export interface AppConfig {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  port: number;
  webPort: number;
  shutdownGraceMs: number;
  publicBaseUrl: string;
  databaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  encryptionKey: Buffer;
  twilio: {
    accountSid?: string;
    authToken?: string;
    phoneNumber?: string;
    messagingServiceSid?: string;
    apiBaseUrl?: string;
  };
  sms: {
    rateLimitPerMinute: number;
    /** Overrides rateLimitPerMinute: Twilio's unit (message segments per second per sender). */
    rateSegmentsPerSecond: number | undefined;
    maxBatchSize: number;
    retryAttempts: number;
    maxInFlight: number;
    maxUploadMb: number;
    statusReconcileAfterMinutes: number;
    leaseSeconds: number;
    role: Env['SMS_ROLE'];
    dispatchIntervalMs: number;
    /** For cost estimates before sending (USD per segment); Twilio's real price is recorded per message. */
    estimatedPricePerSegment: number;
    /** Quiet hours for SubAccounts that have not chosen (21:00–08:00 in the recipient's zone). */
    quietHoursEnabledDefault: boolean;
  };
  /** Notifications older than this many days are deleted (hourly, by the worker). */
  notificationsRetentionDays: number;
  /** Messages older than this many months move to sms_messages_archive (hourly, by the worker); 0: never. */
  smsRetentionMonths: number;
  /** Vacuum and analyze by autovacuum's rules every this many seconds when the server's autovacuum is off; 0: never. */
  dbUpkeepSeconds: number;
  /** The default per-user request limit per minute. */
  apiRateLimitPerMinute: number;
  demoPassword: string;
  /** Express's `trust proxy`: whose X-Forwarded-For decides the client address (sign-in locks, limits). */
  trustProxy: false | number | string[];
  /** Bearer token for GET /api/metrics; without one the route answers 404. */
  metricsToken?: string;
  logLevel: Env['LOG_LEVEL'];
  /** Secrets generated for this development data directory (so boot can warn once). */
  generatedSecrets: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type SecretName = 'JWT_SECRET' | 'ENCRYPTION_KEY';

/** Parses and validates the environment once. Throws ConfigError naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.');
        const value = source[name];
        return `${name}: ${i.message}${value !== undefined ? ` (got "${mask(name, value)}")` : ''}`;
      }),
    );
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  const generatedSecrets: string[] = [];
  const secret = (name: SecretName, make: () => string): string => {
    const given = env[name];
    if (given) return given;
    if (isProduction) throw new ConfigError([`${name}: is required when NODE_ENV=production`]);
    const { value, created } = devSecret(env.DATA_DIR, name, make);
    if (created) generatedSecrets.push(name);
    return value;
  };
  const jwtSecret = secret('JWT_SECRET', () => randomBytes(48).toString('base64url'));
  const encryptionKey = Buffer.from(
    secret('ENCRYPTION_KEY', () => randomBytes(32).toString('hex')),
    'hex',
  );
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    webPort: env.WEB_PORT,
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR),
    jwtSecret,
    encryptionKey,
    twilio: {
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      phoneNumber: env.TWILIO_PHONE_NUMBER,
      messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
      apiBaseUrl: env.TWILIO_API_BASE_URL,
    },
    sms: {
      rateLimitPerMinute: env.SMS_RATE_LIMIT_PER_MINUTE,
      rateSegmentsPerSecond: env.SMS_RATE_SEGMENTS_PER_SECOND,
      maxBatchSize: env.SMS_MAX_BATCH_SIZE,
      retryAttempts: env.SMS_RETRY_ATTEMPTS,
      maxInFlight: env.SMS_MAX_IN_FLIGHT,
      maxUploadMb: env.SMS_MAX_UPLOAD_MB,
      statusReconcileAfterMinutes: env.SMS_STATUS_RECONCILE_AFTER_MINUTES,
      leaseSeconds: env.SMS_LEASE_SECONDS,
      role: env.SMS_ROLE,
      dispatchIntervalMs: env.SMS_DISPATCH_INTERVAL_MS,
      estimatedPricePerSegment: env.SMS_ESTIMATED_PRICE_PER_SEGMENT,
      quietHoursEnabledDefault: env.SMS_QUIET_HOURS_ENABLED,
    },
    notificationsRetentionDays: env.NOTIFICATIONS_RETENTION_DAYS,
    smsRetentionMonths: env.SMS_RETENTION_MONTHS,
    dbUpkeepSeconds: env.DB_UPKEEP_SECONDS,
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    demoPassword: env.DEMO_PASSWORD,
    trustProxy: env.TRUST_PROXY,
    metricsToken: env.METRICS_TOKEN,
    logLevel: env.LOG_LEVEL,
    generatedSecrets,
  };
}

/** A development secret is generated once and kept under DATA_DIR, so restarts keep sessions and data readable. */
function devSecret(dataDir: string, name: SecretName, make: () => string) {
  const file = path.resolve(dataDir, 'secrets.json');
  const stored: Partial<Record<SecretName, string>> = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Record<SecretName, string>>)
    : {};
  const existing = stored[name];
  if (existing) return { value: existing, created: false };
  const value = make();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...stored, [name]: value }, null, 2), { mode: 0o600 });
  return { value, created: true };
}

function mask(name: string, value: string): string {
  return /SECRET|TOKEN|KEY|PASSWORD/.test(name) ? '***' : value;
}
