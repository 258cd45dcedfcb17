import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseWatch } from './watch.js';

const FILE = 'fixtures/watches/x.yaml';
const seedWatch = readFileSync(new URL('../../../fixtures/watches/dprk-troops-russia.yaml', import.meta.url), 'utf8');

const MINIMAL = `
id: x
proposition: Something happened.
languages: [id, en]
topic:
  - name: thing
    terms: { en: [thing] }
actors:
  - id: a
    name: A
    aliases: { en: [A land] }
  - id: b
    name: B
    aliases: { id: [Negeri B], en: [B land] }
  - id: c
    name: C
    aliases:
      id: C land
`;

describe('parseWatch', () => {
  it('reads the seed watch with the actor ids of the evaluation', () => {
    const watch = parseWatch(seedWatch, 'fixtures/watches/dprk-troops-russia.yaml');
    expect(watch.id).toBe('dprk-troops-russia');
    expect(watch.languages).toEqual(['id', 'en']);
    expect(watch.actors.map((actor) => actor.id)).toEqual(['dprk', 'russia', 'ukraine', 'usa', 'nato', 'south-korea']);
    expect(watch.actors.find((actor) => actor.id === 'russia')!.speakers.id).toContain('Peskov');
    expect(watch.topic.map((group) => group.name)).toEqual(['north-korea', 'troops']);
    expect(watch.context).toEqual({ actors: ['russia', 'ukraine'], terms: { id: ['Kursk', 'Donbas'], en: ['Kursk', 'Donbas'] } });
  });

  it('names the field that is not a list of strings', () => {
    expect(() => parseWatch(MINIMAL, FILE)).toThrow(`${FILE}: actors[2].aliases.id must be a list of strings`);
  });

  it('names a language the watch does not declare', () => {
    const text = MINIMAL.replace('id: C land', 'fr: [C pays]');
    expect(() => parseWatch(text, FILE)).toThrow(`${FILE}: actors[2].aliases.fr is not one of the watch languages (id, en)`);
  });

  it('names a repeated actor id', () => {
    const text = MINIMAL.replace('id: C land', 'id: [C land]').replace('- id: c', '- id: a');
    expect(() => parseWatch(text, FILE)).toThrow(`${FILE}: actors[2].id repeats actor id "a"`);
  });

  it('names an actor id that is not a slug', () => {
    const text = MINIMAL.replace('id: C land', 'id: [C land]').replace('- id: c', '- id: South Korea');
    expect(() => parseWatch(text, FILE)).toThrow(`${FILE}: actors[2].id must be lower-case words joined by hyphens`);
  });

  it('names a context actor the watch does not have', () => {
    const text = `${MINIMAL.replace('id: C land', 'id: [C land]')}context:\n  actors: [a, z]\n`;
    expect(() => parseWatch(text, FILE)).toThrow(`${FILE}: context.actors[1] is not an actor of this watch`);
  });

  it('names a missing or misspelt top-level field', () => {
    const fixed = MINIMAL.replace('id: C land', 'id: [C land]');
    expect(() => parseWatch(fixed.replace('proposition: Something happened.\n', ''), FILE)).toThrow(`${FILE}: proposition must be a non-empty string`);
    expect(() => parseWatch(fixed.replace('topic:', 'topics:'), FILE)).toThrow(`${FILE}: the file has unknown field "topics"`);
  });
});
