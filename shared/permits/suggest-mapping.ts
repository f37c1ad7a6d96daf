import { REGISTER_FIELDS, type RegisterField } from './parse-row.js';

/**
 * Column names registers commonly use for each field, in English, French and
 * Spanish, written as `normaliseHeader` leaves them. The field's own name
 * (issuedAt → "issued at") always counts too.
 */
const NAMES: Record<RegisterField, readonly string[]> = {
  number: ['permit no', 'permit number', 'permit nr', 'permit', 'number', 'no', 'document number', 'certificate number', 'numero', 'numero de permis', 'n de permis', 'numero de permiso', 'permiso'],
  documentType: ['document', 'document type', 'type', 'doc type', 'permit type', 'type de document', 'type de permis', 'tipo', 'tipo de documento', 'tipo de permiso'],
  receivedAt: ['application received', 'received', 'date received', 'application date', 'date of application', 'demande recue', 'date de demande', 'date de reception', 'fecha de solicitud', 'solicitud recibida'],
  issuedAt: ['issued', 'issue date', 'date issued', 'date of issue', 'issued on', 'delivre', 'delivre le', 'date de delivrance', 'emitido', 'fecha de emision'],
  officer: ['issuing officer', 'officer', 'issued by', 'signed by', 'agent', 'agent emetteur', 'delivre par', 'funcionario', 'emitido por'],
  applicant: ['applicant', 'permit holder', 'holder', 'demandeur', 'titulaire', 'solicitante', 'titular'],
  taxon: ['taxon', 'species', 'scientific name', 'espece', 'nom scientifique', 'especie', 'nombre cientifico'],
  appendix: ['appendix', 'app', 'annexe', 'apendice'],
  term: ['term', 'description', 'specimens', 'description of specimens', 'terme', 'description des specimens', 'termino', 'descripcion'],
  quantity: ['quantity', 'qty', 'quantite', 'cantidad'],
  unit: ['unit', 'units', 'unite', 'unidad'],
  source: ['source', 'source code', 'code source', 'fuente', 'codigo de origen'],
  purpose: ['purpose', 'purpose code', 'but', 'code but', 'objet', 'proposito', 'finalidad', 'codigo de proposito'],
  partner: ['country', 'partner', 'partner country', 'destination', 'country of destination', 'importing country', 'pays', 'pays partenaire', 'pays de destination', 'pais', 'pais de destino'],
  validUntil: ['valid until', 'valid to', 'expiry', 'expiry date', 'expires', 'valable jusqu au', 'date d expiration', 'valido hasta', 'fecha de vencimiento'],
  status: ['status', 'state', 'statut', 'etat', 'estado'],
  replaces: ['replaces', 'replaces permit', 'replacement of', 'remplace', 'reemplaza', 'sustituye'],
  endorsedQuantity: ['endorsed quantity', 'quantity endorsed', 'quantity exported', 'quantite visee', 'cantidad refrendada'],
  endorsedAt: ['endorsed on', 'endorsed', 'endorsement date', 'date endorsed', 'vise le', 'date de visa', 'refrendado el', 'fecha de refrendo'],
  endorsingOfficer: ['endorsed by', 'endorsing officer', 'inspector', 'vise par', 'refrendado por'],
};

/** A header as compared: camelCase split, accents and punctuation dropped, lower case, single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const FIELD_BY_NAME = new Map<string, RegisterField>();
for (const field of REGISTER_FIELDS) {
  for (const name of [normaliseHeader(field), ...NAMES[field]]) if (!FIELD_BY_NAME.has(name)) FIELD_BY_NAME.set(name, field);
}

/**
 * A first guess at the mapping from a file's header: each field gets the
 * first column whose name is one registers use for it. Only exact names
 * count (after normalising), so "Endorsed quantity" never lands on quantity;
 * the user checks and completes the rest.
 */
export function suggestMapping(columns: readonly string[]): Partial<Record<RegisterField, string>> {
  const mapping: Partial<Record<RegisterField, string>> = {};
  for (const column of columns) {
    const field = FIELD_BY_NAME.get(normaliseHeader(column));
    if (field && mapping[field] === undefined) mapping[field] = column;
  }
  return mapping;
}
