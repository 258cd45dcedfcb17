import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseWatch } from './watch.js';
import { watchWarnings } from './watch-warnings.js';

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

  it('takes a party named by its speakers alone, and refuses one named by nothing', () => {
    const fixed = MINIMAL.replace('id: C land', 'id: [C land]');
    const ministry = parseWatch(`${fixed}  - id: health\n    name: Health ministry\n    speakers: { en: [health ministry], id: [kementerian kesehatan] }\n`, FILE);
    expect(ministry.actors.at(-1)).toMatchObject({ id: 'health', aliases: {}, speakers: { en: ['health ministry'] } });
    expect(() => parseWatch(`${fixed}  - id: health\n    name: Health ministry\n`, FILE)).toThrow(`${FILE}: actors[3].aliases must list at least one phrase (or speakers must, for a party with no name of its own)`);
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

  it('reads the agent and the topic roles of the seed watch', () => {
    const watch = parseWatch(seedWatch, 'fixtures/watches/dprk-troops-russia.yaml');
    expect(watch.agent).toBe('dprk');
    expect(watch.topic.map((group) => group.role)).toEqual(['agent', 'event']);
  });

  it('names an agent that is not an actor, and an agent group without an agent', () => {
    const fixed = MINIMAL.replace('id: C land', 'id: [C land]');
    expect(() => parseWatch(fixed.replace('languages:', 'agent: z\nlanguages:'), FILE)).toThrow(`${FILE}: agent is not an actor of this watch (a, b, c)`);
    const agentGroup = fixed.replace('  - name: thing\n', '  - name: thing\n    role: agent\n');
    expect(() => parseWatch(agentGroup, FILE)).toThrow(`${FILE}: topic[0].role is agent, but the watch names no agent`);
    expect(() => parseWatch(agentGroup.replace('languages:', 'agent: a\nlanguages:'), FILE)).toThrow(`${FILE}: topic needs a group with role event`);
    expect(() => parseWatch(fixed.replace('  - name: thing\n', '  - name: thing\n    role: doer\n'), FILE)).toThrow(`${FILE}: topic[0].role must be one of: agent, event`);
  });

  it('warns of a context term hidden inside a longer topic term, and not of the seed watch', () => {
    const fixed = `${MINIMAL.replace('id: C land', 'id: [C land]').replace('terms: { en: [thing] }', 'terms: { en: [thing, Kursk offensive] }')}context:\n  terms: { en: [Kursk, Donbas] }\n`;
    const warnings = watchWarnings(parseWatch(fixed, FILE), new Map());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.field).toBe('context.terms.en[0]');
    expect(warnings[0]!.message).toContain('"Kursk" is inside the longer topic phrase "Kursk offensive" (group thing)');
    expect(watchWarnings(parseWatch(seedWatch, 'seed.yaml'), new Map())).toEqual([]);
  });
});
