import { createHmac } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { DatabaseService } from './database.service';
import { installationSecrets } from './schema';

export interface SharedSecrets {
  JWT_SECRET: string;
  ENCRYPTION_KEY: Buffer | string;
}

export class SecretsMismatchError extends Error {}

/** A keyed hash: equal secrets give equal fingerprints, and a fingerprint does not give the secret away. */
export function fingerprint(name: string, secret: Buffer | string): string {
  return createHmac('sha256', `loctelli-installation-secret:${name}`).update(secret).digest('hex');
}

/**
 * Every API and worker process on one database must share JWT_SECRET and ENCRYPTION_KEY (tokens one signs
 * are checked by the others; Twilio auth tokens one encrypts are read by the others). The first process
 * records their fingerprints; a later one whose secrets differ is refused before it serves or sends.
 */
export async function assertSharedSecrets(database: DatabaseService, secrets: SharedSecrets): Promise<void> {
  const mine = Object.entries(secrets).map(([name, secret]) => ({ name, fingerprint: fingerprint(name, secret) }));
  await database.db.insert(installationSecrets).values(mine).onConflictDoNothing();
  const recorded = await database.db
    .select({ name: installationSecrets.name, fingerprint: installationSecrets.fingerprint })
    .from(installationSecrets)
    .where(
      inArray(
        installationSecrets.name,
        mine.map((m) => m.name),
      ),
    );
  const differing = mine
    .filter((m) => recorded.find((r) => r.name === m.name)?.fingerprint !== m.fingerprint)
    .map((m) => m.name);
  if (differing.length > 0) {
    throw new SecretsMismatchError(
      `${differing.join(' and ')} differ from the one(s) the other processes on this database use. ` +
        'Give every API and worker process the same values. If you replaced them on purpose (every process ' +
        'stopped, stored Twilio auth tokens re-entered), delete the rows of installation_secrets first.',
    );
  }
}
