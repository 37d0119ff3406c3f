import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { DtoFieldProblem, DtoLimit } from '@podium/contracts';

// Rules whose default message names one number, and which side of the value it bounds.
const LOWER = new Set(['minLength', 'min']);
const UPPER = new Set(['maxLength', 'max', 'arrayMaxSize']);

/** The bound a problem names (class-validator's default messages hold exactly one number); null without one. */
export function limitOf(constraint: string, problem: string, value: unknown): DtoLimit | null {
  const numbers = problem.match(/-?\d+(?:\.\d+)?/g);
  if (numbers?.length !== 1) return null;
  const n = Number(numbers[0]);
  if (LOWER.has(constraint)) return { min: n };
  if (UPPER.has(constraint)) return { max: n };
  // isLength names the side the value missed: shorter than the number means the number is the minimum.
  if (constraint === 'isLength') return typeof value === 'string' && value.length < n ? { min: n } : { max: n };
  return null;
}

function flatten(errors: ValidationError[], parent = ''): DtoFieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const entries = Object.entries(e.constraints ?? {});
    const own = entries.length
      ? [{ field, problems: entries.map(([, p]) => p), constraints: entries.map(([c]) => c), limits: entries.map(([c, p]) => limitOf(c, p, e.value)) }]
      : [];
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
    if (key) throw new BadRequestException({ code: 'VALIDATION', message: `${key}: property ${key} should not exist`, details: { fields: [{ field: key, problems: ['should not exist'], constraints: ['whitelistValidation'], limits: [null] }] } });
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
