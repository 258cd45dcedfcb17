// Intl knows the BCP 47 grammar and, with full ICU, which primary languages exist: a tag such as
// `xx` or `english` is well-formed but names no language, and must not reach the extractor, which
// picks its cue files by language.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * The canonical form of a BCP 47 tag (`en-us` → `en-US`, `in` → `id`, `en_GB` → `en-GB`), or null
 * when the tag is malformed or its primary language is unknown.
 */
export function normalizeLanguageTag(tag: string): string | null {
  const candidate = tag.trim().replaceAll('_', '-');
  if (candidate === '') return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(candidate);
    const language = new Intl.Locale(canonical).language;
    return languageNames.of(language) === undefined ? null : canonical;
  } catch {
    // RangeError: not well-formed BCP 47 (or `und`, which DisplayNames refuses).
    return null;
  }
}
