import type { PermitFlagKind, PermitSource } from './records.js';

export interface PermitFlagPlace {
  /** Where the rule reads its data. */
  source: PermitSource;
  /** The permit-chain stage (library id) where the misuse would happen. */
  stage: string;
  /** The risk type (library id) the pattern points to. */
  riskType: string;
}

/**
 * PI-1.2: each red-flag kind belongs to one permit-chain cell. This table is
 * the whole mapping; docs/permits.md explains each choice.
 */
export const PERMIT_FLAG_MAPPING: Readonly<Record<PermitFlagKind, PermitFlagPlace>> = {
  'permit-reuse': { source: 'trade', stage: 'inspection_endorsement', riskType: 'document_fraud' },
  'reporting-mismatch': { source: 'trade', stage: 'import_verification', riskType: 'concealment' },
  'source-shift': { source: 'trade', stage: 'operation_registration', riskType: 'laundering' },
  'quota-overrun': { source: 'trade', stage: 'scientific_advice_ndf', riskType: 'abuse_of_functions' },
  'appendix-i-commercial-wild': { source: 'trade', stage: 'permit_issuance', riskType: 'abuse_of_functions' },
  'officer-concentration': { source: 'register', stage: 'permit_issuance', riskType: 'trading_in_influence' },
  'out-of-hours': { source: 'register', stage: 'permit_issuance', riskType: 'bribery' },
  'processing-time': { source: 'register', stage: 'application_intake', riskType: 'bribery' },
  'endorsement-problem': { source: 'register', stage: 'inspection_endorsement', riskType: 'abuse_of_functions' },
  'dead-permit-used': { source: 'register', stage: 'inspection_endorsement', riskType: 'document_fraud' },
  'number-series': { source: 'register', stage: 'permit_issuance', riskType: 'document_fraud' },
  'export-validity': { source: 'register', stage: 'permit_issuance', riskType: 'abuse_of_functions' },
  structuring: { source: 'register', stage: 'application_intake', riskType: 'concealment' },
};

/** The data sources whose permits are "handled" at a stage: those feeding at least one of its kinds. */
export function sourcesAtStage(stage: string, mapping: Readonly<Record<string, PermitFlagPlace>> = PERMIT_FLAG_MAPPING): PermitSource[] {
  return [...new Set(Object.values(mapping).filter((m) => m.stage === stage).map((m) => m.source))].sort();
}
