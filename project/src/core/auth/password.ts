import bcrypt from 'bcryptjs';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const COST = 10;
/** bcrypt reads only the first 72 bytes; a longer password would match anything sharing those. */
export const MAX_PASSWORD_BYTES = 72;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummy: Promise<string> | undefined;

/** Compared against when the email is unknown, so the answer takes as long as for a known one. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-only-for-timing');
  await verifyPassword(password, await dummy);
}

/** Refuses passwords bcrypt would silently cut (UTF-8 bytes, not characters). */
export function MaxPasswordBytes(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxPasswordBytes',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || Buffer.byteLength(value) <= MAX_PASSWORD_BYTES,
        defaultMessage: (args) =>
          `${args?.property ?? 'password'} must be at most ${MAX_PASSWORD_BYTES} bytes (UTF-8); longer passwords are refused because bcrypt ignores everything after byte ${MAX_PASSWORD_BYTES}`,
      },
    },
    options,
  );
}
