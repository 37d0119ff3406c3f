import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const POLLUTING = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first __proto__/constructor/prototype key in a parsed body (class-transformer drops them silently). */
export function pollutingKey(value: unknown, path = '', depth = 0): string | null {
  if (typeof value !== 'object' || value === null || depth > 32) return null;
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (POLLUTING.has(key)) return field;
    const found = pollutingKey((value as Record<string, unknown>)[key], field, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Refuses prototype keys like any other unknown field, instead of letting the transformer drop them unnoticed. */
class PodiumValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata) {
    const key = metadata.type === 'body' ? pollutingKey(value) : null;
    if (key) throw new BadRequestException({ code: 'VALIDATION', message: `${key}: property ${key} should not exist`, details: { fields: [{ field: key, problems: ['should not exist'] }] } });
    return super.transform(value, metadata);
  }
}

/** Global validation: unknown fields refused, types transformed, messages naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new PodiumValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
      return new BadRequestException({ code: 'VALIDATION', message, details: { fields } });
    },
  });
}
