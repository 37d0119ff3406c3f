import { BadRequestException } from '@nestjs/common';
import { CreateSessionDto } from '../programme/dto/session.dto';
import { createValidationPipe, limitOf } from './validation';

/** The 400 body the pipe builds for a request body sent to a CreateSessionDto. */
async function refused(body: Record<string, unknown>): Promise<unknown> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: CreateSessionDto });
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return (e as BadRequestException).getResponse();
  }
  throw new Error('not refused');
}

const ok = { kind: 'forum', title: 'Werkstatt', start: '2026-09-21T10:00', end: '2026-09-21T11:00' };

describe('the validation pipe names each problem\'s rule and limit beside its English sentence', () => {
  it('a too long title and a capacity of 0', async () => {
    expect(await refused({ ...ok, title: 'x'.repeat(301), capacity: 0 })).toEqual({
      code: 'VALIDATION',
      message: 'title: title must be shorter than or equal to 300 characters; capacity: capacity must not be less than 1',
      details: {
        fields: [
          { field: 'title', problems: ['title must be shorter than or equal to 300 characters'], constraints: ['maxLength'], limits: [{ max: 300 }] },
          { field: 'capacity', problems: ['capacity must not be less than 1'], constraints: ['min'], limits: [{ min: 1 }] },
        ],
      },
    });
  });

  it('a missing title, an unknown field and a prototype key', async () => {
    const { title: _t, ...untitled } = ok;
    expect(await refused({ ...untitled, colour: 'red' })).toEqual({
      code: 'VALIDATION',
      message: 'colour: property colour should not exist; title: title must be shorter than or equal to 300 characters, title must be longer than or equal to 1 characters, title must be a string',
      details: {
        fields: [
          { field: 'colour', problems: ['property colour should not exist'], constraints: ['whitelistValidation'], limits: [null] },
          {
            field: 'title',
            problems: ['title must be shorter than or equal to 300 characters', 'title must be longer than or equal to 1 characters', 'title must be a string'],
            constraints: ['maxLength', 'minLength', 'isString'],
            limits: [{ max: 300 }, { min: 1 }, null],
          },
        ],
      },
    });
    expect(await refused(JSON.parse('{"__proto__": {"x": 1}}'))).toEqual({
      code: 'VALIDATION',
      message: '__proto__: property __proto__ should not exist',
      details: { fields: [{ field: '__proto__', problems: ['should not exist'], constraints: ['whitelistValidation'], limits: [null] }] },
    });
  });

  it('isLength tells the side the value missed; a message without exactly one number has no limit', () => {
    expect(limitOf('isLength', 'name must be longer than or equal to 3 characters', 'ab')).toEqual({ min: 3 });
    expect(limitOf('isLength', 'name must be shorter than or equal to 80 characters', 'x'.repeat(81))).toEqual({ max: 80 });
    expect(limitOf('matches', 'token must be the 43-character secret of a sign-in link', 'x')).toBeNull();
    expect(limitOf('isInt', 'capacity must be an integer number', 1.5)).toBeNull();
    expect(limitOf('max', 'no number here', 5)).toBeNull();
  });
});
