import { expect } from 'vitest';

/** The API's one error shape: `{ statusCode, error, message, details? }` and nothing else. */
export function expectErrorShape(
  body: unknown,
  statusCode: number,
): { statusCode: number; error: string; message: string; details?: unknown } {
  const b = body as Record<string, unknown>;
  expect(b.statusCode).toBe(statusCode);
  expect(typeof b.error).toBe('string');
  expect(typeof b.message).toBe('string');
  expect((b.message as string).length).toBeGreaterThan(0);
  expect(Object.keys(b).filter((k) => !['statusCode', 'error', 'message', 'details'].includes(k))).toEqual([]);
  return b as { statusCode: number; error: string; message: string; details?: unknown };
}

/** The field names in a validation error's details. */
export function fieldsOf(body: unknown): string[] {
  const details = (body as { details?: { field: string; message: string }[] }).details ?? [];
  for (const d of details) {
    expect(typeof d.field).toBe('string');
    expect(typeof d.message).toBe('string');
  }
  return [...new Set(details.map((d) => d.field))].sort();
}
