/** Realistic trade lanes: taxa with their appendix, usual term, unit and quantities. */
export interface TaxonSpec {
  taxon: string;
  appendix: 'I' | 'II' | 'III';
  term: string;
  otherTerm: string;
  unit: string;
  quantity: readonly number[];
  /** Sources this taxon is traded under when not wild. */
  captiveSource: string;
}

export const TAXA: readonly TaxonSpec[] = [
  { taxon: 'Python regius', appendix: 'II', term: 'live', otherTerm: 'skins', unit: '', quantity: [5, 10, 20, 25, 50, 100], captiveSource: 'R' },
  { taxon: 'Crocodylus niloticus', appendix: 'II', term: 'skins', otherTerm: 'leather products (small)', unit: '', quantity: [20, 50, 100, 200, 500], captiveSource: 'C' },
  { taxon: 'Varanus salvator', appendix: 'II', term: 'skins', otherTerm: 'live', unit: '', quantity: [50, 100, 200, 500, 1000], captiveSource: 'R' },
  { taxon: 'Psittacus erithacus', appendix: 'I', term: 'live', otherTerm: 'feathers', unit: '', quantity: [1, 2, 4, 6, 10], captiveSource: 'C' },
  { taxon: 'Ara ararauna', appendix: 'II', term: 'live', otherTerm: 'feathers', unit: '', quantity: [2, 4, 6, 10, 20], captiveSource: 'C' },
  { taxon: 'Dendrobates auratus', appendix: 'II', term: 'live', otherTerm: 'bodies', unit: '', quantity: [10, 20, 50, 100], captiveSource: 'C' },
  { taxon: 'Chamaeleo calyptratus', appendix: 'II', term: 'live', otherTerm: 'bodies', unit: '', quantity: [10, 20, 50, 100], captiveSource: 'C' },
  { taxon: 'Hippocampus kuda', appendix: 'II', term: 'bodies', otherTerm: 'live', unit: 'kg', quantity: [1, 2, 5, 10, 25], captiveSource: 'F' },
  { taxon: 'Aloe ferox', appendix: 'II', term: 'extract', otherTerm: 'derivatives', unit: 'kg', quantity: [100, 250, 500, 1000, 2000], captiveSource: 'A' },
  { taxon: 'Pericopsis elata', appendix: 'II', term: 'timber', otherTerm: 'sawn wood', unit: 'm3', quantity: [10, 20, 40, 60, 120], captiveSource: 'A' },
  { taxon: 'Prunus africana', appendix: 'II', term: 'bark', otherTerm: 'extract', unit: 'kg', quantity: [500, 1000, 5000, 10000], captiveSource: 'A' },
  { taxon: 'Strombus gigas', appendix: 'II', term: 'meat', otherTerm: 'shells', unit: 'kg', quantity: [100, 500, 1000, 2000], captiveSource: 'F' },
  { taxon: 'Tridacna maxima', appendix: 'II', term: 'live', otherTerm: 'shells', unit: '', quantity: [10, 20, 50, 100], captiveSource: 'F' },
  { taxon: 'Chelonoidis carbonarius', appendix: 'II', term: 'live', otherTerm: 'shells', unit: '', quantity: [5, 10, 20, 50], captiveSource: 'C' },
  { taxon: 'Testudo graeca', appendix: 'II', term: 'live', otherTerm: 'bodies', unit: '', quantity: [5, 10, 20, 50], captiveSource: 'C' },
  { taxon: 'Panthera pardus', appendix: 'I', term: 'trophies', otherTerm: 'skins', unit: '', quantity: [1, 2], captiveSource: 'C' },
  { taxon: 'Loxodonta africana', appendix: 'I', term: 'trophies', otherTerm: 'tusks', unit: '', quantity: [1, 2], captiveSource: 'C' },
  { taxon: 'Cyathea spp.', appendix: 'II', term: 'stems', otherTerm: 'carvings', unit: '', quantity: [50, 100, 200, 500], captiveSource: 'A' },
  { taxon: 'Dalbergia retusa', appendix: 'II', term: 'sawn wood', otherTerm: 'timber', unit: 'm3', quantity: [5, 10, 20, 30], captiveSource: 'A' },
  { taxon: 'Euphorbia obesa', appendix: 'II', term: 'live', otherTerm: 'seeds', unit: '', quantity: [100, 200, 500, 1000], captiveSource: 'A' },
];

export const EXPORTERS = ['GH', 'TG', 'ID', 'MG', 'VN', 'PE', 'CO', 'ZA', 'TZ', 'SB', 'CM', 'BJ', 'SR', 'GY', 'MY', 'PH', 'NI', 'HN', 'FJ', 'KE'] as const;
export const IMPORTERS = ['US', 'JP', 'DE', 'FR', 'GB', 'CN', 'HK', 'IT', 'ES', 'NL', 'BE', 'CH', 'KR', 'SG', 'CA'] as const;
export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2024;
