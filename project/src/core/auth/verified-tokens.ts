/**
 * Access tokens whose signature was checked, each until it expires: a panel sends the same token on every request
 * for its 15 minutes, and checking it again (base64, JSON, HMAC) cost 30–50 µs of a request's CPU under load. Only a
 * good signature is remembered; whether the account still stands is asked on every request (PrincipalStateCache).
 */
export class VerifiedTokens<P extends { exp?: number }> {
  private readonly payloads = new Map<string, P>();

  constructor(private readonly kept = 10_000) {}

  /** The payload of a token verified before and not yet expired (jsonwebtoken's clock: Date.now, in seconds). */
  get(token: string): P | undefined {
    const payload = this.payloads.get(token);
    if (payload === undefined) return undefined;
    if (payload.exp === undefined || payload.exp > Math.floor(Date.now() / 1000)) return payload;
    this.payloads.delete(token);
    return undefined;
  }

  remember(token: string, payload: P): void {
    if (this.payloads.size >= this.kept) this.payloads.clear();
    this.payloads.set(token, payload);
  }
}
