import { isIP } from 'node:net';
import { z } from 'zod';

/** An empty variable (`PORT=` in a copied .env) means unset, as for the strings below. */
const int = (fallback: number, min = 0) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).default(fallback));
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyEntry = (entry: string) => {
  const [address, bits, ...rest] = entry.split('/');
  if (PROXY_PRESETS.includes(entry)) return true;
  if (rest.length > 0 || !address || isIP(address) === 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
};

/**
 * Whose X-Forwarded-For is believed: `false` (nobody), a hop count, or a comma-separated list of
 * addresses, CIDR ranges and Express's names (loopback, linklocal, uniquelocal). Never `true`:
 * believing anyone lets every client choose its own address, and so dodge per-address limits.
 */
const trustProxy = z
  .string()
  .trim()
  .default('loopback')
  .transform((v) => (v === '' ? 'loopback' : v))
  .pipe(
    z.union([
      z.enum(['false', 'none']).transform(() => false as const),
      z
        .string()
        .regex(/^\d{1,2}$/)
        .transform(Number),
      z
        .string()
        .transform((v) => v.split(',').map((e) => e.trim()))
        .refine((entries) => entries.every(isProxyEntry), {
          message:
            'must be false, a hop count, or a comma-separated list of proxy addresses/CIDR ranges (or loopback, linklocal, uniquelocal); never true',
        }),
    ]),
  );

/** Every environment variable the product reads. Nothing else reads process.env. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(3001, 1).pipe(z.number().max(65535)),
  WEB_PORT: int(3000, 1).pipe(z.number().max(65535)),
  PUBLIC_BASE_URL: z.url({ message: 'must be an absolute URL such as https://sms.example.com' }).optional(),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  DATA_DIR: z.string().default('./data'),
  JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), e.g. `openssl rand -hex 32`')
      .optional(),
  ),
  TWILIO_ACCOUNT_SID: optionalString.pipe(
    z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex characters')
      .optional(),
  ),
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_PHONE_NUMBER: optionalString.pipe(
    z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +15551234567')
      .optional(),
  ),
  TWILIO_MESSAGING_SERVICE_SID: optionalString.pipe(
    z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'must look like MG followed by 32 hex characters')
      .optional(),
  ),
  TWILIO_API_BASE_URL: optionalString.pipe(z.url().optional()),
  SMS_RATE_LIMIT_PER_MINUTE: int(60, 1),
  SMS_MAX_BATCH_SIZE: int(100, 1),
  SMS_RETRY_ATTEMPTS: int(3, 0),
  SMS_RATE_SEGMENTS_PER_SECOND: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number({ message: 'expected number' }).positive('must be > 0').max(10_000).optional(),
  ),
  // Requests in flight per sender at once; Twilio answers 429 (20429) above its account concurrency.
  SMS_MAX_IN_FLIGHT: int(100, 1),
  SMS_MAX_UPLOAD_MB: int(50, 1),
  SMS_STATUS_RECONCILE_AFTER_MINUTES: int(60, 1),
  SMS_LEASE_SECONDS: int(60, 5),
  SMS_ESTIMATED_PRICE_PER_SEGMENT: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().min(0).default(0.0079),
  ),
  SMS_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  SMS_QUIET_HOURS_ENABLED: z
    .enum(['true', 'false', '1', '0', ''], { message: 'must be true or false' })
    .default('true')
    .transform((v) => v !== 'false' && v !== '0'),
  SMS_DISPATCH_INTERVAL_MS: int(500, 10),
  /** After SIGTERM: how long a process may finish its work in flight before it exits anyway (code 1). */
  SHUTDOWN_GRACE_SECONDS: int(25, 1),
  NOTIFICATIONS_RETENTION_DAYS: int(90, 1),
  /** Unset or 0: keep every message in sms_messages. */
  SMS_RETENTION_MONTHS: int(0, 0),
  /** How often each process checks whether a table needs vacuum or analyze, when the server's autovacuum is off; 0: never. */
  DB_UPKEEP_SECONDS: int(15, 0),
  /** Requests per signed-in user per minute on routes without their own limit (benchmarks raise it). */
  API_RATE_LIMIT_PER_MINUTE: int(600, 1),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo-password'),
  TRUST_PROXY: trustProxy,
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;
