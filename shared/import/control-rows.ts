import { controlInput, type ControlInput } from '../domain/inputs.js';
import { isIsoDate } from '../domain/dates.js';
import { libraryText } from '../library/translations.js';
import { reportStrings } from '../report/strings.js';
import { jsonPath } from '../library/validation-error.js';
import { normaliseHeader, type ControlField, type ControlMapping } from './control-mapping.js';

/** The vocabulary a row's words are matched against: ids or titles in English, French or Spanish. */
export interface ImportVocabulary {
  families: ReadonlyArray<{ id: string; title: string }>;
  stages: ReadonlyArray<{ id: string; title: string }>;
  riskTypes: ReadonlyArray<{ id: string; title: string }>;
}

export interface RowProblem {
  field: ControlField;
  message: string;
}

export interface ParsedControlRow {
  /** The file line (the header is line 1), as a spreadsheet numbers it. */
  line: number;
  uid: string | null;
  control: ControlInput | null;
  problems: RowProblem[];
}

const LANGUAGES = ['en', 'fr', 'es'] as const;
/** Our own exports prefix formula-like text with an apostrophe (see shared/report/csv.ts); undo it. */
const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

function cleanCell(value: string | undefined): string {
  return (value ?? '').replace(NEUTRALISED, '').trim();
}

/** Every way a term may be written, normalised, pointing to its id. */
function lookupTable(items: ReadonlyArray<{ id: string; title: string }>, translate: (lang: string, item: { id: string; title: string }) => string): Map<string, string> {
  const table = new Map<string, string>();
  for (const item of items) {
    table.set(normaliseHeader(item.id), item.id);
    for (const lang of LANGUAGES) table.set(normaliseHeader(translate(lang, item)), item.id);
  }
  return table;
}

function maturityTable(): Map<string, number> {
  const table = new Map<string, number>();
  for (const lang of LANGUAGES) {
    const t = reportStrings(lang);
    for (let level = 0; level <= 4; level += 1) table.set(normaliseHeader(t(`document.maturity.${level}`)), level);
  }
  return table;
}

/** "3", "3 Implemented", "Implemented", "3 Appliquée", "Implementada": the level, or null. */
function readMaturity(text: string, names: Map<string, number>): number | null {
  const leading = /^([0-4])(?:[.,]0+)?(?:\s|$)/.exec(text);
  if (leading) return Number(leading[1]);
  return names.get(normaliseHeader(text)) ?? null;
}

/** ISO 2026-03-14, or day first 14/03/2026 and 14.03.2026 as Europe and Latin America write it. */
export function readDate(text: string): string | null {
  if (isIsoDate(text)) return text;
  const isoTime = /^(\d{4}-\d{2}-\d{2})T/.exec(text);
  if (isoTime && isIsoDate(isoTime[1]!)) return isoTime[1]!;
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (dayFirst) {
    const iso = `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  return null;
}

export function controlRowReader(vocabulary: ImportVocabulary, today: string) {
  const families = lookupTable(vocabulary.families, (lang, f) => libraryText(lang).family(f));
  const stages = lookupTable(vocabulary.stages, (lang, s) => libraryText(lang).stage(s));
  const risks = lookupTable(vocabulary.riskTypes, (lang, r) => libraryText(lang).riskType(r));
  const maturities = maturityTable();

  function readList(text: string, table: Map<string, string>, field: ControlField, problems: RowProblem[]): string[] | null {
    if (!text) return null;
    const ids: string[] = [];
    for (const part of text.split(/[;,\n]/).map((p) => p.trim()).filter(Boolean)) {
      const id = table.get(normaliseHeader(part));
      if (id === undefined) problems.push({ field, message: `unknown ${field === 'stages' ? 'stage' : 'risk type'} "${part}"` });
      else if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  return (line: number, cells: readonly string[], mapping: ControlMapping): ParsedControlRow => {
    const cell = (field: ControlField) => (mapping[field] === null ? '' : cleanCell(cells[mapping[field]!]));
    const problems: RowProblem[] = [];
    const familyText = cell('family');
    const family = families.get(normaliseHeader(familyText));
    if (!familyText) problems.push({ field: 'family', message: 'is empty' });
    else if (family === undefined) problems.push({ field: 'family', message: `unknown family "${familyText}"` });
    const maturityText = cell('maturity');
    const maturity = maturityText ? readMaturity(maturityText, maturities) : null;
    if (!maturityText) problems.push({ field: 'maturity', message: 'is empty (write 0 to 4)' });
    else if (maturity === null) problems.push({ field: 'maturity', message: `"${maturityText}" is not a maturity level (write 0 to 4)` });
    const reviewedText = cell('lastReviewed');
    const lastReviewed = reviewedText ? readDate(reviewedText) : null;
    if (reviewedText && lastReviewed === null) problems.push({ field: 'lastReviewed', message: `"${reviewedText}" is not a date (write YYYY-MM-DD)` });
    else if (lastReviewed !== null && lastReviewed > today) problems.push({ field: 'lastReviewed', message: `${lastReviewed} is in the future (today is ${today})` });
    const candidate = {
      family: family ?? 'unknown',
      title: cell('title'),
      description: cell('description'),
      owner: cell('owner'),
      maturity: maturity ?? 0,
      lastReviewed,
      stages: readList(cell('stages'), stages, 'stages', problems),
      riskTypes: readList(cell('riskTypes'), risks, 'riskTypes', problems),
    };
    // The same schema every other entry point uses: lengths, emptiness.
    const checked = controlInput.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = (jsonPath(issue.path).replace(/^\$\.?/, '').split(/[.[]/)[0] || 'title') as ControlField;
        if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message });
      }
    }
    const uid = cell('uid') || null;
    return { line, uid, control: problems.length ? null : candidate, problems };
  };
}
