import { describe, expect, it } from '@jest/globals';
import { answerForError, DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnreachable } from './error-answer.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('answerForError', () => {
  it('answers 503 with Retry-After when the database cannot be reached', () => {
    for (const error of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('database "x" is not currently accepting connections', '55000'),
      withCode('connection failure', '08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('PGlite is closed'),
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
    ]) {
      expect({ message: error.message, answer: answerForError(error) }).toEqual({
        message: error.message,
        answer: expect.objectContaining({ status: 503, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS }),
      });
    }
  });

  it('answers 400 for a value the database refuses, 500 for anything else', () => {
    expect(answerForError(withCode('unsupported Unicode escape sequence', '22P05')).status).toBe(400);
    expect(answerForError(withCode('index row size exceeds btree version 4 maximum', '54000')).status).toBe(400);
    expect(answerForError(withCode('relation "x" does not exist', '42P01')).status).toBe(500);
    expect(answerForError(new TypeError('x is undefined'))).toEqual({ status: 500, message: 'internal error' });
    expect(isDatabaseUnreachable('ECONNREFUSED')).toBe(false);
  });
});
