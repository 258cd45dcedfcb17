// What a valid watch may still get wrong, as warnings for `stance-monitor watch check`: the watch
// loads and extracts, but part of it does nothing. Pure.
import { expandPhrase } from '../../extraction/domain/phrase-trie.js';
import { allPhrases, type Watch } from './watch.js';

export interface WatchWarning {
  /** The field the warning is about, as the validation errors name fields (`context.terms.en[0]`). */
  field: string;
  message: string;
}

/** Every warning about `watch`; the checks are listed here, one function each. */
export function watchWarnings(watch: Watch): WatchWarning[] {
  return [...contextTermsInsideTopicPhrases(watch)];
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
