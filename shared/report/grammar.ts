import { libraryText } from '../library/translations.js';
import { reportFormat, reportStrings, subkeys, type Term } from './strings.js';

/** The library labels generated sentences name; screens pass the library, reports their snapshot labels. */
export interface TermLabels {
  criteria: ReadonlyArray<{ id: string; paragraph: string; title: string }>;
  families: ReadonlyArray<{ id: string; title: string; recommendation: string }>;
  stages: ReadonlyArray<{ id: string; title: string }>;
  riskTypes: ReadonlyArray<{ id: string; title: string }>;
}

const FRENCH_VOWEL = /^[aeiouyàâäéèêëîïôöûüœæh]/iu;

/**
 * Grammar as data: every word a template inserts (paragraph reference, risk
 * type, stage, family, maturity level, band, a counted unit) becomes a Term
 * carrying its declined forms, read from the translation data:
 * - `flags.terms.<kind>.<form>` in shared/report/strings/flags.<lang>.json are
 *   patterns for the regular ones ("de l'art. {{ref}}", "à l'étape « {{title}} »");
 * - risk types, whose elision depends on the word, carry their own `forms`
 *   in shared/library/data/translations/<lang>.json;
 * - counted units have plural forms (`flags.units.<unit>.<form>_one/_other`).
 * A template then writes `{{paragraph.The}}` or `{{riskType.of}}`, never "de " + a word.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** One formatter per locale and style: making one costs far more than formatting a number with it. */
function numberFormat(locale: string, style: 'whole' | 'oneDecimal'): Intl.NumberFormat {
  const key = `${locale}/${style}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, style === 'oneDecimal' ? { maximumFractionDigits: 1 } : {})));
  return format;
}

export function termsOf(language: string, labels: TermLabels) {
  const t = reportStrings(language);
  const lib = libraryText(language);
  const fmt = reportFormat(language);
  const locale = language === 'en' ? 'en-GB' : language;
  const byId = <T extends { id: string }>(list: ReadonlyArray<T>) => new Map(list.map((item) => [item.id, item]));
  const criteria = byId(labels.criteria);
  const families = byId(labels.families);
  const stages = byId(labels.stages);
  const risks = byId(labels.riskTypes);

  /** Every form under `flags.terms.<kind>`, filled in with the term's own words. */
  function patterned(kind: string, text: string, words: Record<string, string>, own: Readonly<Record<string, string>> = {}): Term {
    const forms: Record<string, string> = { ...words };
    for (const form of subkeys(language, `flags.terms.${kind}`)) forms[form] = t(`flags.terms.${kind}.${form}`, words);
    return { text, forms: { ...forms, ...own } };
  }

  /** "Art. 7.1(c)" as l'art. 7.1(c) / L'art. 7.1(c) / de l'art. 7.1(c) / à l'art. 7.1(c) (el / El / del / al art.). */
  function paragraph(reference: string): Term {
    const article = /^Art\.\s*(.+)$/u.exec(reference);
    return article ? patterned('paragraph', reference, { ref: article[1]! }) : patterned('criterionRef', reference, { ref: reference });
  }

  function criterion(id: string, fallback: string): Term {
    const c = criteria.get(id);
    if (!c) return paragraph(fallback);
    const term = paragraph(c.paragraph);
    return { text: c.paragraph, forms: { ...term.forms, title: lib.criterionTitle(c) } };
  }

  function riskType(id: string): Term {
    const r = risks.get(id);
    const title = r ? lib.riskType(r) : id;
    const lower = title.toLocaleLowerCase(locale);
    // A custom risk type without forms in the data still elides: "d'" before a vowel in French.
    const of = language === 'fr' ? (FRENCH_VOWEL.test(lower) ? `d'${lower}` : `de ${lower}`) : undefined;
    return patterned('riskType', title, { title, lower, ...(of ? { of } : {}) }, r ? lib.riskTypeForms(r) : {});
  }

  function stage(id: string): Term {
    const s = stages.get(id);
    const title = s ? lib.stage(s) : id;
    return patterned('stage', title, { title, lower: title.toLocaleLowerCase(locale) });
  }

  function family(id: string): Term {
    const f = families.get(id);
    const title = f ? lib.family(f) : id;
    return patterned('family', title, { title });
  }

  /** A maturity level: the figure, and its name agreeing with a feminine or masculine noun (`fem`, `masc`). */
  function level(value: number): Term {
    return patterned(`level.${value}`, String(value), {});
  }

  /** A residual band, with the adjective agreeing as the template's noun needs. */
  function band(value: string): Term {
    return patterned(`band.${value}`, t(`flags.terms.band.${value}.masc`), {});
  }

  // Flag sentences count the same few units again and again: each unit and figure is worded once.
  const counted = new Map<string, Term>();
  /** A counted unit: `{{months.plain}}` = "1 mois" / "12 mois", `{{months.last}}` = "du dernier mois" / "des 12 derniers mois". */
  function count(unit: string, value: number): Term {
    const cacheKey = `${unit}\u0000${value}`;
    const known = counted.get(cacheKey);
    if (known) return known;
    const forms: Record<string, string> = {};
    for (const key of subkeys(language, `flags.units.${unit}`)) {
      const form = key.replace(/_(zero|one|two|few|many|other)$/u, '');
      forms[form] ??= t(`flags.units.${unit}.${form}`, { count: value });
    }
    const term = { text: String(value), forms };
    counted.set(cacheKey, term);
    return term;
  }

  return {
    paragraph,
    criterion,
    riskType,
    stage,
    family,
    level,
    band,
    count,
    number: (value: number) => numberFormat(locale, 'whole').format(value),
    /** A figure as PI-1 words it: at most one decimal ("12", "10.8"). */
    score: (value: number) => numberFormat(locale, 'oneDecimal').format(value),
    date: (iso: string) => fmt.date(iso),
  };
}

export type Terms = ReturnType<typeof termsOf>;
