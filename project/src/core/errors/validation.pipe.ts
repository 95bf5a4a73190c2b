import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldError } from './app-error';
import { inputProblems, int4Problems } from './input-rules';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const badRequest = (details: FieldError[]) =>
  new BadRequestException({ message: details.map((d) => `${d.field}: ${d.message}`).join('; '), details });

/** A route parameter is named by itself (`id`); body and query fields by their path inside. */
const rootOf = (metadata: ArgumentMetadata) => (metadata.type === 'param' ? (metadata.data ?? '') : '');

/**
 * DTO validation whose errors name each field (`details: [{ field, message }]`), plus rules for every
 * body, query and route parameter: no NUL bytes, no `__proto__`/`constructor` keys, no text made only
 * of invisible characters, no whole number beyond int4 (ids like /leads/2147483648, page numbers).
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const plain: unknown[] = [Object, String, Number, Boolean, Array];
    const isDto = typeof metadata.metatype === 'function' && !plain.includes(metadata.metatype);
    const before = inputProblems(value, rootOf(metadata), { visibleText: isDto });
    if (before.length > 0) throw badRequest(before);
    const out: unknown = await super.transform(value, metadata);
    const after = int4Problems(out, rootOf(metadata));
    if (after.length > 0) throw badRequest(after);
    return out;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new BadRequestException({
        message: details.map((d) => d.message).join('; '),
        details,
      });
    },
  });
}
