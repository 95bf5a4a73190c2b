import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, errorMessage } from '@/lib/api-client';

/**
 * Puts a failed request's errors on the form: each `details[]` entry on the field it names (when the
 * form has that field), everything else as the form-level error `root.server`.
 * Returns true when at least one field error was set.
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: unknown,
  fields: readonly string[],
): boolean {
  let placed = false;
  const leftovers: string[] = [];
  if (error instanceof ApiError && error.details?.length) {
    for (const detail of error.details) {
      // "recipients.3.phoneNumber" belongs to "recipients" when the form has no deeper field.
      const name = fields.includes(detail.field)
        ? detail.field
        : fields.find((f) => detail.field.startsWith(`${f}.`) || detail.field.startsWith(`${f}[`));
      if (name) {
        setError(name as Path<T>, { type: 'server', message: detail.message }, { shouldFocus: !placed });
        placed = true;
      } else {
        leftovers.push(`${detail.field}: ${detail.message}`);
      }
    }
  }
  if (!placed || leftovers.length) {
    const message = leftovers.length && placed ? leftovers.join('; ') : errorMessage(error);
    setError('root.server' as Path<T>, { type: 'server', message });
  }
  return placed;
}
