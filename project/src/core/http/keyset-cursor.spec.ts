import { describe, expect, it } from 'vitest';
import { AppError } from 'src/core/errors/app-error';
import { decodeCursor, encodeCursor } from './keyset-cursor';

describe('keyset cursor', () => {
  it('round-trips a position with microseconds', () => {
    const position = { at: '2026-12-04 16:05:58.123456+00', id: 42 };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'bm90LWEtY3Vyc29y',
    encodeCursor({ at: 'yesterday', id: 1 }),
    encodeCursor({ at: '2026-12-04 16:05:58+00', id: 0 }),
  ])('rejects %j with a 400 naming the cursor', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(AppError);
    expect(() => decodeCursor(cursor)).toThrow(/cursor/);
  });
});
