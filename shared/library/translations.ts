import fr from './data/translations/fr.json' with { type: 'json' };
import es from './data/translations/es.json' with { type: 'json' };

/** The library's wording in French and Spanish, keyed by id; English is the library's own text. */
export interface LibraryTranslation {
  families: Record<string, { title: string; description: string; recommendation: string }>;
  stages: Record<string, { title: string; description: string }>;
  riskTypes: Record<string, { title: string; description: string }>;
  articles: Record<string, string>;
  criteria: Record<string, { title: string; guidance: string[]; notApplicableReason: string | null }>;
  /** Framework titles by framework id (shown as the heading of a separately scored section). */
  frameworks?: Record<string, string>;
}

export const LIBRARY_TRANSLATIONS: Readonly<Record<string, LibraryTranslation>> = { fr, es };

/** Library wording in a language, falling back to the English text; treaty paragraphs are never translated. */
export function libraryText(language: string) {
  const tr: LibraryTranslation | undefined = LIBRARY_TRANSLATIONS[language];
  return {
    family: (f: { id: string; title: string }) => tr?.families[f.id]?.title ?? f.title,
    familyRecommendation: (f: { id: string; recommendation: string }) => tr?.families[f.id]?.recommendation ?? f.recommendation,
    familyDescription: (f: { id: string; description: string }) => tr?.families[f.id]?.description ?? f.description,
    stage: (s: { id: string; title: string }) => tr?.stages[s.id]?.title ?? s.title,
    riskType: (r: { id: string; title: string }) => tr?.riskTypes[r.id]?.title ?? r.title,
    framework: (f: { id: string; title: string }) => tr?.frameworks?.[f.id] ?? f.title,
    article: (frameworkId: string, a: { id: string; title: string }) => tr?.articles[`${frameworkId}:${a.id}`] ?? a.title,
    criterionTitle: (c: { id: string; title: string }) => tr?.criteria[c.id]?.title ?? c.title,
    guidance: (c: { id: string; guidance: string[] }, level: number) => tr?.criteria[c.id]?.guidance[level] ?? c.guidance[level] ?? '',
    notApplicableReason: (c: { id: string; notApplicableReason: string | null }) => tr?.criteria[c.id]?.notApplicableReason ?? c.notApplicableReason,
    treatyInEnglishOnly: language !== 'en',
  };
}
