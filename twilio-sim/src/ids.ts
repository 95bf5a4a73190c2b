import { randomBytes } from 'node:crypto';

// One syscall per 4 KiB of entropy instead of one per SID: creates run in the thousands per second.
let pool = Buffer.alloc(0);
let offset = 0;

function randomHex(bytes: number): string {
  if (offset + bytes > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}

/** A Message SID: "SM" + 32 hex digits. */
export const newMessageSid = (): string => `SM${randomHex(16)}`;
