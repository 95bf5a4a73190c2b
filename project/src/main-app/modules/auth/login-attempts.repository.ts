import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { DatabaseService } from 'src/core/database/database.service';
import { loginAttempts } from 'src/core/database/schema';

export interface LoginAttempt {
  failures: number;
  lockedUntil: Date | null;
}

export interface StoredLoginAttempt extends LoginAttempt {
  updatedAt: Date;
}

/** Failed sign-ins per (email, client address). */
@Injectable()
export class LoginAttemptsRepository {
  constructor(private readonly database: DatabaseService) {}

  async find(email: string, ip: string): Promise<StoredLoginAttempt | undefined> {
    const [row] = await this.database.db
      .select({
        failures: loginAttempts.failures,
        lockedUntil: loginAttempts.lockedUntil,
        updatedAt: loginAttempts.updatedAt,
      })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)));
    return row;
  }

  async save(email: string, ip: string, attempt: LoginAttempt, at: Date): Promise<void> {
    await this.database.db
      .insert(loginAttempts)
      .values({ email, ip, ...attempt, updatedAt: at })
      .onConflictDoUpdate({
        target: [loginAttempts.email, loginAttempts.ip],
        set: { ...attempt, updatedAt: at },
      });
  }

  async clear(email: string, ip: string): Promise<void> {
    await this.database.db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)));
  }
}
