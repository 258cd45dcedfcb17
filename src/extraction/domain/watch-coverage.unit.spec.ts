// watch check's report on a fictional watch written as a new user would, over short articles
// written for it (no news text): a speaker the watch does not list, names never seen, a topic
// group that never matches, and the context-term warning.
import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { watchWarnings } from '../../watches/domain/watch-warnings.js';
import { article, packs } from './extraction.fixture.js';
import { watchCoverage } from './watch-coverage.js';

const WATCH_YAML = `
id: freedonia-drones
proposition: Freedonia supplied attack drones to Sylvania.
languages: [en, id]
topic:
  - name: drones
    terms:
      en: [drones, drone, attack drones]
      id: [drone, pesawat nirawak]
  - name: supply
    terms:
      en: [supplied, supplying, deliveries, shipments]
      id: [memasok, pasokan, pengiriman]
context:
  terms:
    en: [shipments]
actors:
  - id: freedonia
    name: Freedonia
    aliases:
      en: [Freedonia, Freedonian]
      id: [Freedonia]
    speakers:
      en: [Rufus Firefly]
  - id: sylvania
    name: Sylvania
    aliases:
      en: [Sylvania, Sylvanian]
    speakers:
      en: [Trentino]
`;

const watch = parseWatch(WATCH_YAML, 'freedonia-drones.yaml');

function doc(id: string, text: string, language = 'en') {
  return { ...article(text, '2026-03-10', language), documentId: id };
}

describe('watchCoverage', () => {
  const documents = [
    // A cue and the topic, spoken by someone the watch does not list: twice, in two articles.
    doc('a', 'Foreign Minister Olga Brandt denied on Monday that attack drones had been supplied to the army.'),
    doc('b', 'Talks went on.\n\nForeign Minister Olga Brandt again denied that drones were supplied.'),
    // The listed speaker: a claim, so not reported.
    doc('c', 'Rufus Firefly denied on Monday that Freedonia supplied drones to Sylvania, and said no shipments took place.'),
    // Indonesian: a cue with the topic and an unlisted office.
    doc('d', 'Juru bicara Marta Kowal membantah memasok drone ke wilayah itu.', 'id'),
  ];
  const coverage = watchCoverage(documents, watch, packs);

  it('groups on-topic cue sentences without a claim by the name nearest the cue, with a count and one example', () => {
    const brandt = coverage.unattributed.find((g) => g.candidate.includes('Olga Brandt'));
    expect(brandt?.count).toBe(2);
    expect(brandt?.example.sentence).toContain('denied');
    expect(brandt?.example.cues.join(' ')).toMatch(/denied/);
    expect(coverage.unattributed.some((g) => g.candidate.includes('Marta Kowal'))).toBe(true);
    // The sentence the listed speaker said gave a claim: nobody groups it.
    expect(coverage.unattributed.flatMap((g) => [g.example.documentId])).not.toContain('c');
  });

  it('lists actor names and speakers no document contains, and passes over those seen', () => {
    const sylvania = coverage.unseen.find((a) => a.actorId === 'sylvania');
    expect(sylvania?.speakers).toEqual(['Trentino']);
    expect(sylvania?.aliases).toEqual(['Sylvanian']);
    const freedonia = coverage.unseen.find((a) => a.actorId === 'freedonia');
    expect(freedonia?.speakers ?? []).toEqual([]);
    expect(freedonia?.aliases).toEqual(['Freedonian']);
  });

  it('names a topic group that never matched', () => {
    expect(coverage.unmatchedTopicGroups).toEqual([]);
    const onlyDrones = watchCoverage([doc('e', 'Drones were seen over the border, Sylvania said.')], watch, packs);
    expect(onlyDrones.unmatchedTopicGroups).toEqual(['supply']);
  });
});

describe('watchWarnings', () => {
  it('warns, naming the field, about a context term inside a longer topic phrase', () => {
    const contained = parseWatch(WATCH_YAML.replace('en: [shipments]', 'en: [shipments, attack]'), 'w.yaml');
    expect(watchWarnings(contained, packs)).toEqual([
      expect.objectContaining({ field: 'context.terms.en[1]', message: expect.stringContaining('"attack drones"') }),
    ]);
  });

  it('says nothing about a context term no topic phrase contains', () => {
    expect(watchWarnings(watch, packs)).toEqual([]);
  });

  it('warns, once per event group, about verbs of many deeds written alone, in either language', () => {
    const generic = parseWatch(WATCH_YAML.replace('en: [supplied, supplying, deliveries, shipments]', 'en: [supplied, used, operating]').replace('id: [memasok, pasokan, pengiriman]', 'id: [memasok, beroperasi]'), 'w.yaml');
    const warnings = watchWarnings(generic, packs);
    expect(warnings).toEqual([expect.objectContaining({ field: 'topic[1].terms' })]);
    expect(warnings[0]!.message).toMatch(/^"used", "operating", "beroperasi" are verbs of many deeds/);
    expect(warnings[0]!.message).not.toContain('"supplied"');
  });

  it('does not warn about a generic verb written with its object', () => {
    const withObject = parseWatch(WATCH_YAML.replace('en: [supplied, supplying, deliveries, shipments]', 'en: [supplied, used the drones]'), 'w.yaml');
    expect(watchWarnings(withObject, packs)).toEqual([]);
  });
});
