// Inflected forms derived from a base form, so a language pack lists "deny+" or "bantah+" once
// instead of every form an article may use. Pure; the pack loader applies it to every phrase
// word marked with a trailing "+" (language-pack.ts), so the matcher never sees the marker.
//
// Over-generation is harmless here: a derived string that is not a word of the language never
// occurs in an article ("admited" next to "admitted"). Missing a real form is what costs recall,
// so where a rule depends on what a dictionary would know (stress in English doubling, loanwords
// keeping their k- or p- in Indonesian), both forms are produced.

/** Which set of affixes a language pack derives with. */
export const MORPHOLOGIES = ['english', 'indonesian'] as const;
export type Morphology = (typeof MORPHOLOGIES)[number];

/**
 * What the word is in the list it stands in: a verb (active cues, speech verbs), a passive verb
 * (Indonesian di- forms) or a noun.
 */
export type WordRole = 'verb' | 'passive' | 'noun';

export function inflect(base: string, morphology: Morphology, role: WordRole): string[] {
  const word = base.toLowerCase();
  const forms = morphology === 'english' ? english(word, role) : indonesian(word, role);
  return [...new Set(forms)];
}

// English: "deny" -> denies, denied, denying; "admit" -> admits, admitted, admitting; "blame" ->
// blames, blamed, blaming; a noun takes its plural.
function english(word: string, role: WordRole): string[] {
  if (role === 'noun') return [word, englishPlural(word)];
  return [word, englishPlural(word), ...englishPast(word), ...englishGerund(word)];
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function isConsonant(letter: string | undefined): boolean {
  return letter !== undefined && /[a-z]/.test(letter) && !VOWELS.has(letter);
}

function englishPlural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (word.endsWith('y') && isConsonant(word.at(-2))) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Consonant-vowel-consonant at the end ("admit", "refer", "visit"): doubling depends on stress, so both. */
function endsConsonantVowelConsonant(word: string): boolean {
  const [a, b, c] = [word.at(-3), word.at(-2), word.at(-1)];
  return isConsonant(a) && b !== undefined && VOWELS.has(b) && isConsonant(c) && !/[wxy]/.test(c!);
}

function englishPast(word: string): string[] {
  if (word.endsWith('e')) return [`${word}d`];
  if (word.endsWith('y') && isConsonant(word.at(-2))) return [`${word.slice(0, -1)}ied`];
  if (endsConsonantVowelConsonant(word)) return [`${word}ed`, `${word}${word.at(-1)}ed`];
  return [`${word}ed`];
}

function englishGerund(word: string): string[] {
  if (word.endsWith('ie')) return [`${word.slice(0, -2)}ying`];
  if (word.endsWith('e') && !word.endsWith('ee')) return [`${word.slice(0, -1)}ing`];
  if (endsConsonantVowelConsonant(word)) return [`${word}ing`, `${word}${word.at(-1)}ing`];
  return [`${word}ing`];
}

// Indonesian: the stem as a pack author writes it ("bantah", "akui", "salahkan", "konfirmasi")
// takes meN- as an active verb (with the nasal assimilation rules), di- as a passive, and -an,
// peN-an and ke-an as a noun. The bare stem stays: headlines use it ("Kremlin Bantah ...").
function indonesian(stem: string, role: WordRole): string[] {
  switch (role) {
    case 'verb':
      return [stem, ...nasalPrefixed('me', stem)];
    case 'passive':
      return [`di${stem}`];
    case 'noun':
      return [`${stem}an`, ...nasalPrefixed('pe', stem).map((form) => `${form}an`), `ke${stem}an`];
  }
}

/**
 * meN- / peN- before a stem: mem- before b, f, v, p (p drops: pasok -> memasok); men- before
 * c, d, j, t (t drops: tuduh -> menuduh); meny- for s (sangkal -> menyangkal); meng- before
 * vowels, g, h, k (k drops: kirim -> mengirim); me- before l, m, n, r, w, y; menge- before a
 * one-syllable stem (bom -> mengebom). Loanwords and clusters often keep the first consonant
 * (mengkonfirmasi next to mengonfirmasi, memprotes), and one-syllable forms vary in use
 * (mengklaim next to mengeklaim), so those give both spellings.
 */
function nasalPrefixed(prefix: 'me' | 'pe', stem: string): string[] {
  const first = stem.charAt(0);
  const rest = stem.slice(1);
  const cluster = isConsonant(stem.charAt(1));
  const forms: string[] = [];
  if (syllables(stem) === 1 || (cluster && 'kbtdgp'.includes(first))) forms.push(`${prefix}nge${stem}`);
  if (VOWELS.has(first) || first === 'g' || first === 'h') forms.push(`${prefix}ng${stem}`);
  else if (first === 'k') forms.push(`${prefix}ng${stem}`, ...(cluster ? [] : [`${prefix}ng${rest}`]));
  else if ('bfv'.includes(first)) forms.push(`${prefix}m${stem}`);
  else if (first === 'p') forms.push(`${prefix}m${stem}`, ...(cluster ? [] : [`${prefix}m${rest}`]));
  else if ('cdjz'.includes(first)) forms.push(`${prefix}n${stem}`);
  else if (first === 't') forms.push(`${prefix}n${stem}`, ...(cluster ? [] : [`${prefix}n${rest}`]));
  else if (first === 's') forms.push(...(cluster ? [`${prefix}n${stem}`] : [`${prefix}ny${rest}`, `${prefix}n${stem}`]));
  else forms.push(`${prefix}${stem}`);
  return forms;
}

/** Vowel groups in a stem: "bom" 1, "klaim" 1 (ai is one), "bantah" 2. */
function syllables(stem: string): number {
  return stem.match(/ai|au|oi|[aeiou]/g)?.length ?? 0;
}

/** Marks a word whose inflections the pack loader derives: "deny+", "bantah+". */
export const INFLECT_MARK = '+';

/**
 * A lexicon phrase with every "word+" replaced by the alternatives of its forms, in the phrase
 * syntax of phrase-trie.ts: "reject+ any? connection" -> "reject|rejects|rejected|rejecting any? connection".
 * Without a morphology the marker is an error the loader reports with the field's name.
 */
export function deriveInflections(phrase: string, morphology: Morphology | null, role: WordRole): string {
  if (!phrase.includes(INFLECT_MARK)) return phrase;
  return phrase
    .trim()
    .split(/\s+/)
    .map((slot) => {
      const optional = slot.length > 1 && slot.endsWith('?');
      const body = optional ? slot.slice(0, -1) : slot;
      const alternatives = body.split('|').flatMap((word) => {
        if (!word.endsWith(INFLECT_MARK)) return [word];
        const base = word.slice(0, -INFLECT_MARK.length);
        if (!morphology) throw new Error(`"${word}" asks for inflections, but the pack names no morphology`);
        if (base === '' || base.includes(INFLECT_MARK)) throw new Error(`"${word}" is not a word followed by "${INFLECT_MARK}"`);
        return inflect(base, morphology, role);
      });
      return `${[...new Set(alternatives)].join('|')}${optional ? '?' : ''}`;
    })
    .join(' ');
}
