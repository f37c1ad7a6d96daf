import type { ControlRecord } from '../domain/records.js';
import { libraryText } from '../library/translations.js';
import type { CsvCell } from '../report/csv.js';
import { CONTROL_FIELDS, type ControlField } from './control-mapping.js';
import type { ImportVocabulary } from './control-rows.js';

export const SHEET_LANGUAGES = ['en', 'fr', 'es'] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];

/** Column headers of the controls sheet; each is one the import's guess recognises. */
export const SHEET_HEADERS: Record<SheetLanguage, Record<ControlField, string>> = {
  en: { uid: 'ID', title: 'Control', family: 'Family', description: 'Description', owner: 'Owner', maturity: 'Stated maturity', lastReviewed: 'Last reviewed', stages: 'Stages covered', riskTypes: 'Risk types' },
  fr: { uid: 'Identifiant', title: 'Mesure', family: 'Famille', description: 'Description', owner: 'Responsable', maturity: 'Maturité déclarée', lastReviewed: 'Dernière revue', stages: 'Étapes couvertes', riskTypes: 'Types de risque' },
  es: { uid: 'Identificador', title: 'Medida', family: 'Familia', description: 'Descripción', owner: 'Responsable', maturity: 'Madurez declarada', lastReviewed: 'Última revisión', stages: 'Etapas cubiertas', riskTypes: 'Tipos de riesgo' },
};

/**
 * An authority's controls as a sheet to edit in a spreadsheet and import back:
 * the ID column lets the import update the same controls; maturity is a
 * number, dates are ISO, names are in the chosen language. Empty stages or
 * risk types mean "the family's defaults", as in the register.
 */
export function controlSheet(controls: readonly ControlRecord[], vocabulary: ImportVocabulary, language: SheetLanguage): { headers: string[]; rows: CsvCell[][] } {
  const text = libraryText(language);
  const title = (items: ImportVocabulary['families'], id: string, name: (item: { id: string; title: string }) => string) => {
    const item = items.find((i) => i.id === id);
    return item ? name(item) : id;
  };
  const list = (ids: string[] | null, items: ImportVocabulary['stages'], name: (item: { id: string; title: string }) => string) => (ids ? ids.map((id) => title(items, id, name)).join('; ') : null);
  return {
    headers: CONTROL_FIELDS.map((field) => SHEET_HEADERS[language][field]),
    rows: controls.map((c) => [
      c.uid,
      c.title,
      title(vocabulary.families, c.family, text.family),
      c.description || null,
      c.owner || null,
      c.maturity,
      c.lastReviewed,
      list(c.stages, vocabulary.stages, text.stage),
      list(c.riskTypes, vocabulary.riskTypes, text.riskType),
    ]),
  };
}
