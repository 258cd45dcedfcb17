// A watch: one monitored proposition, the words that say a sentence is about it, and the actors
// whose stance on it is tracked (fixtures/watches/<id>.yaml). Pure: parsing takes the file text.

import { parse as parseYaml } from 'yaml';
import { FieldReader } from '../../extraction/domain/config-reader.js';

/** Words per language (BCP 47 base code, e.g. `id`, `en`). */
export type PhrasesByLanguage = Record<string, string[]>;

/** A sentence is about the proposition when it contains a term of every topic group. */
export interface TopicGroup {
  name: string;
  /**
   * `agent`: the words name who did it (the agent actor's names count too); `event`: what was
   * done. Only meaningful in a watch with an agent; without one every group is an event group.
   */
  role: TopicRole;
  terms: PhrasesByLanguage;
}

export const TOPIC_ROLES = ['agent', 'event'] as const;
export type TopicRole = (typeof TOPIC_ROLES)[number];

export interface WatchActor {
  id: string;
  name: string;
  /** Names of the party itself: "Rusia", "Russia". */
  aliases: PhrasesByLanguage;
  /** People and offices that speak for it: "Peskov", "Kremlin", "juru bicara Kremlin". */
  speakers: PhrasesByLanguage;
}

export interface WatchContext {
  /** Any name or speaker of these actors. */
  actors: string[];
  terms: PhrasesByLanguage;
}

export interface Watch {
  id: string;
  proposition: string;
  /**
   * The actor whose deed the proposition states ("North Korea deployed troops", "Freedonia
   * supplied the drones"), or null for a proposition without one. With an agent, a statement
   * must bear on the agent's role in the event: casualty figures or "we are investigating the
   * blasts" name the event but say nothing of who did it.
   */
  agent: string | null;
  /** Language packs the watch uses, by code: fixtures/languages/<code>.yaml. */
  languages: string[];
  topic: TopicGroup[];
  /**
   * What an article must name somewhere for its claims to count (absent: no such condition):
   * North Korean troops at the inter-Korean border are another story than troops in Russia.
   */
  context?: WatchContext;
  actors: WatchActor[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseWatch(yamlText: string, fileName: string): Watch {
  const root = FieldReader.root(fileName, parseYaml(yamlText)).allowOnly(['id', 'proposition', 'agent', 'languages', 'topic', 'context', 'actors']);
  const id = slug(root.field('id'));
  const languagesField = root.field('languages');
  const languages = languagesField.stringList();
  if (languages.length === 0) languagesField.fail('must name at least one language');

  const topicField = root.field('topic');
  const topic = topicField.list().map((group) => {
    group.allowOnly(['name', 'role', 'terms']);
    const roleField = group.field('role');
    return {
      name: group.field('name').string(),
      role: roleField.isMissing ? ('event' as const) : roleField.oneOf(TOPIC_ROLES),
      terms: phrasesByLanguage(group.field('terms'), languages, true),
    };
  });
  if (topic.length === 0) topicField.fail('must have at least one group');

  const actorsField = root.field('actors');
  const actors = actorsField.list().map((actor) => {
    actor.allowOnly(['id', 'name', 'aliases', 'speakers']);
    // A party with no name of its own beyond its offices (a ministry, a hospital's staff) is named
    // by its speakers alone; every other party needs its name among the aliases.
    const speakersField = actor.field('speakers');
    const aliasesField = actor.field('aliases');
    const speakers = speakersField.isMissing ? {} : phrasesByLanguage(speakersField, languages, false);
    const namedBySpeakers = allPhrases(speakers).length > 0;
    if (aliasesField.isMissing && !namedBySpeakers) aliasesField.fail('must list at least one phrase (or speakers must, for a party with no name of its own)');
    return {
      id: slug(actor.field('id')),
      name: actor.field('name').string(),
      aliases: aliasesField.isMissing && namedBySpeakers ? {} : phrasesByLanguage(aliasesField, languages, !namedBySpeakers),
      speakers,
    };
  });
  if (actors.length === 0) actorsField.fail('must have at least one actor');
  const seen = new Set<string>();
  actors.forEach((actor, index) => {
    if (seen.has(actor.id)) actorsField.list()[index].field('id').fail(`repeats actor id "${actor.id}"`);
    seen.add(actor.id);
  });

  const proposition = root.field('proposition').string();
  const agent = readAgent(root, topicField, topic, seen);
  const contextField = root.field('context');
  if (contextField.isMissing) return { id, proposition, agent, languages, topic, actors };
  return { id, proposition, agent, languages, topic, context: readContext(contextField, languages, seen), actors };
}

/** The agent is one of the watch's actors; with it, at most one agent group and at least one event group. */
function readAgent(root: FieldReader, topicField: FieldReader, topic: readonly TopicGroup[], actorIds: ReadonlySet<string>): string | null {
  const field = root.field('agent');
  const agentGroups = topic.filter((group) => group.role === 'agent').length;
  if (field.isMissing) {
    const index = topic.findIndex((group) => group.role === 'agent');
    if (index >= 0) topicField.list()[index].field('role').fail('is agent, but the watch names no agent (add "agent: <actor id>")');
    return null;
  }
  const agent = field.string();
  if (!actorIds.has(agent)) field.fail(`is not an actor of this watch (${[...actorIds].join(', ')})`);
  if (agentGroups > 1) topicField.fail('may have only one group with role agent');
  if (agentGroups === topic.length) topicField.fail('needs a group with role event: the words that name what the agent did');
  return agent;
}

function readContext(field: FieldReader, languages: readonly string[], actorIds: ReadonlySet<string>): WatchContext {
  field.allowOnly(['actors', 'terms']);
  const actorsField = field.field('actors');
  const actors = actorsField.optionalStringList();
  actors.forEach((actor, index) => {
    if (!actorIds.has(actor)) new FieldReader(field.file, `${actorsField.path}[${index}]`, actor).fail(`is not an actor of this watch`);
  });
  const terms = field.field('terms').isMissing ? {} : phrasesByLanguage(field.field('terms'), languages, false);
  if (actors.length === 0 && allPhrases(terms).length === 0) field.fail('must name actors or terms');
  return { actors, terms };
}

function slug(field: FieldReader): string {
  const value = field.string();
  if (!SLUG.test(value)) field.fail('must be lower-case words joined by hyphens (e.g. "south-korea")');
  return value;
}

function phrasesByLanguage(field: FieldReader, languages: readonly string[], required: boolean): PhrasesByLanguage {
  const result: PhrasesByLanguage = {};
  for (const [language, phrases] of field.entries()) {
    if (!languages.includes(language)) phrases.fail(`is not one of the watch languages (${languages.join(', ')})`);
    result[language] = phrases.stringList();
  }
  if (required && Object.values(result).every((list) => list.length === 0)) field.fail('must list at least one phrase');
  return result;
}

/** Every phrase of a by-language map, whatever the language: articles mix languages. */
export function allPhrases(byLanguage: PhrasesByLanguage): string[] {
  return Object.values(byLanguage).flat();
}
