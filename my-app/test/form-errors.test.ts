import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { applyServerErrors } from '@/lib/form-errors';

describe(applyServerErrors.name, () => {
  it('puts each detail on the field it names, and the rest on the form', () => {
    const setError = vi.fn();
    const error = new ApiError({
      statusCode: 400,
      error: 'Bad Request',
      message: 'phone: bad; ownerId: no such user',
      details: [
        { field: 'phone', message: 'phone must be a phone number with at least 4 digits' },
        { field: 'ownerId', message: 'no such user in this SubAccount' },
      ],
    });
    expect(applyServerErrors(setError, error, ['name', 'phone'])).toBe(true);
    expect(setError).toHaveBeenCalledWith(
      'phone',
      { type: 'server', message: 'phone must be a phone number with at least 4 digits' },
      { shouldFocus: true },
    );
    expect(setError).toHaveBeenCalledWith('root.server', {
      type: 'server',
      message: 'ownerId: no such user in this SubAccount',
    });
  });

  it('maps a nested field to the form field that holds it', () => {
    const setError = vi.fn();
    const error = new ApiError({
      statusCode: 400,
      error: 'Bad Request',
      message: 'x',
      details: [{ field: 'recipients.3', message: 'not a phone number' }],
    });
    applyServerErrors(setError, error, ['recipients']);
    expect(setError).toHaveBeenCalledWith(
      'recipients',
      { type: 'server', message: 'not a phone number' },
      { shouldFocus: true },
    );
  });

  it('shows an error without details on the form', () => {
    const setError = vi.fn();
    const error = new ApiError({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' });
    expect(applyServerErrors(setError, error, ['email'])).toBe(false);
    expect(setError).toHaveBeenCalledWith('root.server', { type: 'server', message: 'Invalid email or password' });
  });
});
