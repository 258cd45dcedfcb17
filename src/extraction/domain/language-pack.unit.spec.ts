import { describe, expect, it } from '@jest/globals';
import { packs, readFixture } from './extraction.fixture.js';
import { parseLanguagePack } from './language-pack.js';

const FILE = 'fixtures/languages/xx.yaml';

/** The Indonesian pack with one field replaced, as YAML text. */
function packWith(path: string, replacement: string): string {
  const original = readFixture('fixtures/languages/id.yaml');
  const pattern = new RegExp(`^${path}:.*$`, 'm');
  expect(original).toMatch(pattern);
  return original.replace(pattern, `${path}: ${replacement}`);
}

describe('parseLanguagePack', () => {
  it('reads the Indonesian and English packs', () => {
    expect(packs.get('id')!.language).toBe('id');
    expect(packs.get('id')!.cues.deny.passive).toContain('dibantah');
    expect(packs.get('en')!.cues.neither.active).toContain('would|will not comment|say|discuss|elaborate');
    expect(packs.get('en')!.dates.weekdays.Monday).toBe(1);
  });

  it('names the file and the field of a misspelt key', () => {
    const text = readFixture('fixtures/languages/id.yaml').replace('past_markers:', 'past_marker:');
    expect(() => parseLanguagePack(text, FILE)).toThrow(`${FILE}: the file has unknown field "past_marker"`);
  });

  it('names the list item YAML did not read as text', () => {
    expect(() => parseLanguagePack(packWith('negation', '[tidak, false]'), FILE)).toThrow(
      `${FILE}: negation[1] must be a non-empty string (write "false" in quotes)`,
    );
  });

  it('names a missing list', () => {
    const text = readFixture('fixtures/languages/id.yaml').replace(/^hedges:.*$/m, '');
    expect(() => parseLanguagePack(text, FILE)).toThrow(`${FILE}: hedges must be a list of strings`);
  });

  it('names a weekday number out of range', () => {
    const text = readFixture('fixtures/languages/id.yaml').replace('Senin: 1', 'Senin: 8');
    expect(() => parseLanguagePack(text, FILE)).toThrow(`${FILE}: dates.weekdays.Senin must be a whole number from 1 to 7`);
  });

  it('names a phrase that opens with an actor slot, where no walk could start', () => {
    expect(() => parseLanguagePack(packWith('negation', '[tidak, <actor> menolak]'), FILE)).toThrow(
      `${FILE}: negation[1] phrase "<actor> menolak" must not start with <actor>`,
    );
  });

  it('names a stance without any cue', () => {
    const text = `${readFixture('fixtures/languages/en.yaml')}`.replace(/^ {2}neither:\n(?: {4}.*\n| {6}.*\n)+/m, '  neither: {}\n');
    expect(() => parseLanguagePack(text, FILE)).toThrow(`${FILE}: cues.neither must list at least one cue`);
  });
});
