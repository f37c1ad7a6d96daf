/**
 * The faulty sentence patterns a UN translator flagged in the generated
 * French and Spanish (issue 13), as checks the regression tests run over
 * every rendered sentence. Each check names its fault so a failure reads
 * like a reviewer's note.
 */
export interface Fault {
  rule: string;
  match: string;
}

const FR_VOWEL = 'aeiouyàâäéèêëîïôöûüœæh';
/** Words ending in -s or -x that are singular too (so "1 mois" is right). */
const INVARIANT: Record<string, Set<string>> = {
  en: new Set(['is', 'was', 'has', 'this', 'its', 'process', 'access', 'as', 'us', 'status', 'always']),
  fr: new Set(['mois', 'fois', 'pas', 'plus', 'sous', 'dans', 'sans', 'sur', 'vers', 'avis', 'accès', 'processus', 'est', 'très', 'depuis', 'après', 'alors', 'puis', 'moins', 'ans']),
  es: new Set(['mes', 'más', 'menos', 'tras', 'tres', 'seis', 'antes', 'después', 'además', 'pues', 'análisis', 'crisis', 'es', 'dos', 'ellos', 'las', 'los', 'sus', 'tus', 'nos', 'vez']),
};
/** CLDR: French treats 0 and 1 as singular, English and Spanish only 1. */
const SINGULAR_NUMBERS: Record<string, string> = { en: '1', fr: '[01]', es: '1' };
const MONTHS_FR = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|janv\\.|févr\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|déc\\.';

function all(text: string, pattern: RegExp, rule: string, keep: (m: RegExpExecArray) => boolean = () => true): Fault[] {
  const out: Fault[] = [];
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
    if (keep(m)) out.push({ rule, match: m[0] });
  }
  return out;
}

/** Faults of grammar and typography in one generated sentence (or any run of generated text). */
export function sentenceFaults(sentence: string, language: string): Fault[] {
  // What a user typed is quoted verbatim and is not ours to correct: only the quote marks and their spacing are checked.
  const text = sentence.replace(/«([\s\u00a0\u202f]*)[^»]*?([\s\u00a0\u202f]*)»/gu, '«$1X$2»').replace(/“[^”]*”/gu, '“X”').replace(/"[^"]*"/gu, '"X"');
  const faults: Fault[] = [];
  const singular = SINGULAR_NUMBERS[language] ?? '1';
  const invariant = INVARIANT[language] ?? new Set<string>();
  // "1 points", "1 alertes", "0 alertes" in French; a number written 1,5 or 11 is not singular.
  faults.push(
    ...all(text, new RegExp(`(?<![\\d.,\\u00a0\\u202f-])${singular}[\\s\\u00a0\\u202f]+([\\p{L}-]+(?:s|x))\\b`, 'gu'), 'singular number with a plural noun', (m) => !invariant.has(m[1]!.toLowerCase())),
  );
  // A sentence that opens on a bare paragraph reference, or a verb or preposition followed by one.
  if (language !== 'en') {
    // Headings and table cells may start "Art. 7.1(a) Title"; a sentence may not.
    if (/[.!?]$/.test(text.trim())) faults.push(...all(text, /(?:^|[.!?]\s+)Art\.\s/gu, 'sentence opens on a bare "Art."'));
    faults.push(...all(text, /\b\p{Ll}+\s+Art\.\s/gu, 'paragraph reference without its article'));
  }
  if (language === 'fr') {
    faults.push(...all(text, new RegExp(`(?<![\\p{L}'’-])(?:de|le|la|que|ne|se|je|me|te|ce|si)\\s+[${FR_VOWEL}]`, 'giu'), 'missing elision (de/le/la/que + vowel)', (m) => !/^si\s+(?!ils?\b)/i.test(text.slice(m.index)) && !/^(?:de|le|la)\s+(?:huit|onze|haut|hors|hauts|haute)\b/i.test(text.slice(m.index))));
    faults.push(...all(text, /(?<![\p{L}])(?:de|à)\s+(?:le|les)\b/giu, 'missing contraction (de le → du, à le → au)'));
    faults.push(...all(text, / [:;?!»]/g, 'ordinary space where French needs a non-breaking one'));
    faults.push(...all(text, /« /g, 'ordinary space where French needs a non-breaking one'));
    faults.push(...all(text, /[\p{L}\d)][:;?!](?=\s|$)/gu, 'no space before French double punctuation'));
    faults.push(...all(text, new RegExp(`(?<!\\d)1[\\s\\u00a0](?:${MONTHS_FR})`, 'gu'), 'first of the month written 1, not 1er'));
  }
  if (language === 'es') {
    faults.push(...all(text, /(?<![\p{L}])(?:de|a)\s+el\b/giu, 'missing contraction (de el → del, a el → al)'));
  }
  return faults;
}

/** A UI or filter label that is a bare "All"/"None" quantifier with no noun to agree with. */
export function bareQuantifier(text: string): boolean {
  return /^(?:Tous|Toutes|Todos|Todas|Aucun|Aucune|Ninguno|Ninguna)$/u.test(text.trim());
}
