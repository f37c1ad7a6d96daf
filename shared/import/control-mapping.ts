/**
 * Which spreadsheet column holds which field of a control. The guess reads the
 * header in English, French or Spanish (the app's own CSV headers included),
 * ignoring case, accents and punctuation; the user confirms or corrects it.
 */
export const CONTROL_FIELDS = ['uid', 'title', 'family', 'description', 'owner', 'maturity', 'lastReviewed', 'stages', 'riskTypes'] as const;
export type ControlField = (typeof CONTROL_FIELDS)[number];

/** Column index for each field; null when no column holds it. */
export type ControlMapping = Record<ControlField, number | null>;

export const REQUIRED_FIELDS: readonly ControlField[] = ['title', 'family', 'maturity'];

/** Header words per field, already normalised (see normaliseHeader). */
const SYNONYMS: Record<ControlField, string[]> = {
  uid: ['uid', 'id', 'identifier', 'control id', 'identifiant', 'identificador'],
  title: ['title', 'control', 'control title', 'name', 'measure', 'mesure', 'titre', 'intitule', 'controle', 'medida', 'titulo', 'nombre', 'control titulo'],
  family: ['family', 'control family', 'famille', 'familia', 'category', 'categorie', 'categoria'],
  description: ['description', 'details', 'descripcion'],
  owner: ['owner', 'responsible', 'responsable', 'proprietaire', 'titular', 'duena', 'dueno'],
  maturity: ['maturity', 'stated maturity', 'maturite', 'maturite declaree', 'madurez', 'madurez declarada', 'level', 'niveau', 'nivel'],
  lastReviewed: ['last reviewed', 'last review', 'reviewed', 'derniere revue', 'date de revue', 'ultima revision', 'fecha de revision'],
  stages: ['stages', 'stages covered', 'permit stages', 'etapes', 'etapes couvertes', 'etapas', 'etapas cubiertas'],
  riskTypes: ['risk types', 'risks', 'risk types covered', 'types de risque', 'risques', 'tipos de riesgo', 'riesgos'],
};

/** Lower case, no accents, punctuation as spaces: "Dernière revue" → "derniere revue". */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function emptyMapping(): ControlMapping {
  return Object.fromEntries(CONTROL_FIELDS.map((f) => [f, null])) as ControlMapping;
}

/** Each field takes the first column whose header is one of its words; a column serves one field only. */
export function guessMapping(headers: readonly string[]): ControlMapping {
  const mapping = emptyMapping();
  const used = new Set<number>();
  for (const field of CONTROL_FIELDS) {
    const index = headers.findIndex((header, i) => !used.has(i) && SYNONYMS[field].includes(normaliseHeader(header)));
    if (index >= 0) (mapping[field] = index), used.add(index);
  }
  return mapping;
}

/** A mapping saved by header text, so it applies to the next file with the same headers. */
export type SavedMapping = Partial<Record<ControlField, string>>;

export function toSavedMapping(headers: readonly string[], mapping: ControlMapping): SavedMapping {
  const saved: SavedMapping = {};
  for (const field of CONTROL_FIELDS) {
    const index = mapping[field];
    if (index !== null && headers[index] !== undefined) saved[field] = headers[index];
  }
  return saved;
}

/** The saved mapping applied to these headers, or null if any header it names is missing. */
export function fromSavedMapping(headers: readonly string[], saved: SavedMapping): ControlMapping | null {
  const mapping = emptyMapping();
  for (const field of CONTROL_FIELDS) {
    const header = saved[field];
    if (header === undefined) continue;
    const index = headers.indexOf(header);
    if (index < 0) return null;
    mapping[field] = index;
  }
  return mapping;
}

/** Problems with the mapping itself: a required field without a column, a column used twice, an index out of range. */
export function mappingProblems(headers: readonly string[], mapping: ControlMapping): string[] {
  const problems: string[] = [];
  const seen = new Map<number, ControlField>();
  for (const field of CONTROL_FIELDS) {
    const index = mapping[field];
    if (index === null) {
      if (REQUIRED_FIELDS.includes(field)) problems.push(`${field}: no column chosen (required)`);
      continue;
    }
    if (index < 0 || index >= headers.length) problems.push(`${field}: column ${index + 1} does not exist (the file has ${headers.length})`);
    const other = seen.get(index);
    if (other) problems.push(`${field}: column "${headers[index]}" is already used for ${other}`);
    seen.set(index, field);
  }
  return problems;
}
