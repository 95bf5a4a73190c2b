import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthedRequest } from './auth.decorators';

/** Rate limits count per signed-in principal (per IP before sign-in). Runs after AuthGuard. */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const { auth, ip } = req as unknown as AuthedRequest;
    return auth ? `${auth.kind}:${auth.id}` : String(ip);
  }
}
