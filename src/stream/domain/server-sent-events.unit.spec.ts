import { describe, expect, it } from '@jest/globals';
import { formatEvent, resumePosition, StreamRequestError } from './server-sent-events.js';

describe('server-sent events', () => {
  it('formats an event as name, id and one data line, ended by a blank line', () => {
    expect(formatEvent({ event: 'stance.changed', id: 42, data: { quote: 'a\nb' } })).toBe('event: stance.changed\nid: 42\ndata: {"quote":"a\\nb"}\n\n');
  });

  it('resumes after Last-Event-ID, else after ?since=, else from now', () => {
    expect(resumePosition('17', '3')).toBe(17);
    expect(resumePosition(undefined, '0')).toBe(0);
    expect(resumePosition(undefined, undefined)).toBeNull();
    expect(resumePosition('', undefined)).toBeNull();
    expect(() => resumePosition('abc', undefined)).toThrow(StreamRequestError);
    expect(() => resumePosition(undefined, ['1', '2'])).toThrow(/since must be a log position/);
  });
});
