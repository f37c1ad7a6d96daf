import { useTranslation } from 'react-i18next';
import fr from './library/fr.json';
import es from './library/es.json';

interface LibraryTranslation {
  families: Record<string, { title: string; description: string; recommendation: string }>;
  stages: Record<string, { title: string; description: string }>;
  riskTypes: Record<string, { title: string; description: string }>;
  articles: Record<string, string>;
  criteria: Record<string, { title: string; guidance: string[]; notApplicableReason: string | null }>;
}

const TRANSLATIONS: Record<string, LibraryTranslation> = { fr, es };

/**
 * Library wording in the UI language. English is the library's own text; the
 * treaty paragraphs stay in English (the bundled authentic text).
 */
export function useLibraryText() {
  const { i18n } = useTranslation();
  const tr: LibraryTranslation | undefined = TRANSLATIONS[i18n.language];
  return {
    family: (f: { id: string; title: string }) => tr?.families[f.id]?.title ?? f.title,
    familyRecommendation: (f: { id: string; recommendation: string }) => tr?.families[f.id]?.recommendation ?? f.recommendation,
    familyDescription: (f: { id: string; description: string }) => tr?.families[f.id]?.description ?? f.description,
    stage: (s: { id: string; title: string }) => tr?.stages[s.id]?.title ?? s.title,
    riskType: (r: { id: string; title: string }) => tr?.riskTypes[r.id]?.title ?? r.title,
    article: (frameworkId: string, a: { id: string; title: string }) => tr?.articles[`${frameworkId}:${a.id}`] ?? a.title,
    criterionTitle: (c: { id: string; title: string }) => tr?.criteria[c.id]?.title ?? c.title,
    guidance: (c: { id: string; guidance: string[] }, level: number) => tr?.criteria[c.id]?.guidance[level] ?? c.guidance[level] ?? '',
    notApplicableReason: (c: { id: string; notApplicableReason: string | null }) => tr?.criteria[c.id]?.notApplicableReason ?? c.notApplicableReason,
    /** True when the treaty text shown is not in the UI language. */
    treatyInEnglishOnly: i18n.language !== 'en',
  };
}
