// What a valid watch may still get wrong, as warnings for `stance-monitor watch check`: the watch
// loads and extracts, but part of it does nothing. Pure.
import type { LanguagePack } from '../../extraction/domain/language-pack.js';
import { expandPhrase } from '../../extraction/domain/phrase-trie.js';
import { allPhrases, type Watch } from './watch.js';

export interface WatchWarning {
  /** The field the warning is about, as the validation errors name fields (`context.terms.en[0]`). */
  field: string;
  message: string;
}

/** Every warning about `watch`, read with the language packs it names; the checks are listed here, one function each. */
export function watchWarnings(watch: Watch, packs: ReadonlyMap<string, LanguagePack>): WatchWarning[] {
  return [...contextTermsInsideTopicPhrases(watch), ...genericEventVerbs(watch, packs)];
}

/**
 * An event term that is a verb of many deeds ("used", "operating", "beroperasi"; the packs'
 * `generic_verbs`): alone it names the event in any sentence that also names a term of every other
 * group, whatever was used or operated ("16 of the 35 hospitals have stopped operating" beside
 * the agent's name), and turns words about something else into claims. Written with what the deed
 * was done to ("used the hospital") it names only the deed.
 */
export function genericEventVerbs(watch: Watch, packs: ReadonlyMap<string, LanguagePack>): WatchWarning[] {
  const generic = new Set(
    watch.languages.flatMap((language) => packs.get(language)?.genericVerbs ?? []).flatMap((verb) => expandPhrase(verb).map((form) => form.join(' '))),
  );
  return watch.topic.flatMap((group, index) => {
    if (group.role !== 'event') return [];
    const found = allPhrases(group.terms).filter((term) => expandPhrase(term).some((form) => generic.has(form.join(' '))));
    if (found.length === 0) return [];
    return [
      {
        field: `topic[${index}].terms`,
        message:
          `${found.map((term) => `"${term}"`).join(', ')} ${found.length === 1 ? 'is a verb' : 'are verbs'} of many deeds: alone, each names the event in any sentence ` +
          `that also names a term of every other group, whatever was done ("16 hospitals have stopped operating"), and words about other things become claims. ` +
          `Keep one only where the deed has no more telling word, or write it with what the deed was done to ("used the hospital")`,
      },
    ];
  });
}

/**
 * A context term written inside a longer topic phrase ("Kursk" in topic "Kursk region"): the
 * matcher takes the longest phrase where both start, so in that phrase the context term is never
 * counted, and an author who added it for those articles gets nothing from it.
 */
export function contextTermsInsideTopicPhrases(watch: Watch): WatchWarning[] {
  const warnings: WatchWarning[] = [];
  const topic = watch.topic.flatMap((group) => allPhrases(group.terms).map((phrase) => ({ group: group.name, phrase, forms: expandPhrase(phrase) })));
  for (const [language, terms] of Object.entries(watch.context?.terms ?? {})) {
    terms.forEach((term, index) => {
      const termForms = expandPhrase(term);
      const container = topic.find((t) => t.forms.some((long) => termForms.some((short) => short.length < long.length && containsRun(long, short))));
      if (container) {
        warnings.push({
          field: `context.terms.${language}[${index}]`,
          message: `"${term}" is inside the longer topic phrase "${container.phrase}" (group ${container.group}): where that phrase is written the longer one matches and "${term}" is never counted as context`,
        });
      }
    });
  }
  return warnings;
}

function containsRun(long: readonly string[], short: readonly string[]): boolean {
  for (let i = 0; i + short.length <= long.length; i++) {
    if (short.every((word, k) => long[i + k] === word)) return true;
  }
  return false;
}
