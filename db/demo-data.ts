/**
 * The demo register: a fictional authority ("Republic of Veridia" is not a real
 * country). Dates are fixed so the demo scores the same on any day; the mix of
 * maturity, evidence age and review dates makes every kind of PI-1 flag appear.
 */
export const DEMO_AUTHORITY = {
  uid: 'demo-veridia-ma',
  name: 'Veridia CITES Management Authority (demo)',
  country: 'Republic of Veridia (fictional)',
  level: 'national' as const,
  notes: 'Fictional authority shipped with Permit Integrity for training and trying the app.',
  createdAt: '2025-09-01T08:00:00.000Z',
};

/** [family, title, owner, maturity, last reviewed, evidence: [title, date, expiry?][]] */
type DemoControl = [string, string, string, number, string | null, Array<[string, string, string?]>];

export const DEMO_CONTROLS: DemoControl[] = [
  ['vetting', 'Pre-appointment vetting of permit officers', 'Human resources unit', 3, '2026-05-12', [['Vetting procedure and 2026 vetting log', '2026-03-20']]],
  ['vetting', 'Re-vetting of port inspectors every three years', 'Human resources unit', 2, '2026-02-02', [['Re-vetting circular', '2022-01-14']]],
  ['code_of_conduct', 'Code of conduct for CITES staff', 'Director', 3, '2026-01-15', [['Signed code acknowledgements 2025', '2025-06-30']]],
  ['code_of_conduct', 'Gifts and hospitality register', 'Legal adviser', 2, '2026-05-05', [['Gifts register extract', '2026-05-04']]],
  ['asset_disclosure', 'Annual asset declarations by permit signatories', 'Legal adviser', 2, '2025-12-10', [['Declaration form and filing list', '2025-09-30']]],
  ['asset_disclosure', 'Verification of declarations by the anti-corruption commission', 'Director', 1, '2026-06-01', []],
  ['e_permitting', 'Electronic permit system with full audit trail', 'Permits unit', 4, '2026-07-01', [['System audit-trail report Q2 2026', '2026-06-30'], ['Go-live acceptance certificate', '2024-03-01']]],
  ['e_permitting', 'Online verification of permits with importing Parties', 'Permits unit', 3, '2026-03-18', [['Verification exchange test report', '2023-05-22']]],
  ['merit_recruitment', 'Competitive, merit-based recruitment of technical staff', 'Human resources unit', 2, '2025-04-08', [['Recruitment guidelines', '2025-02-17']]],
  ['rotation', 'Rotation of inspectors between ports of exit', 'Enforcement unit', 1, null, []],
  ['remuneration', 'Field allowance for inspectors on night shifts', 'Finance unit', 2, '2026-02-20', [['Allowance decree', '2024-12-01']]],
  ['integrity_training', 'Annual integrity training for permit and inspection staff', 'Training officer', 3, '2026-04-22', [['Attendance records 2026', '2026-04-20']]],
  ['integrity_training', 'Induction module on corruption risks in wildlife trade', 'Training officer', 2, '2026-01-10', [['Induction slides', '2025-11-03']]],
  ['conflict_of_interest', 'Declaration of interests before assessing a trader file', 'Permits unit', 2, '2026-01-28', [['Declaration template', '2025-03-11']]],
  ['whistleblowing', 'Confidential reporting line for staff and traders', 'Director', 1, '2026-06-15', []],
  ['disciplinary_sanctions', 'Disciplinary procedure for breaches of the code', 'Human resources unit', 2, '2026-03-01', [['Disciplinary regulation', '2025-01-20']]],
  ['segregation_of_duties', 'Four-eyes sign-off for Appendix I permits', 'Permits unit', 3, '2026-02-14', [['Sample of dual-signed permits', '2026-02-10']]],
  ['segregation_of_duties', 'Registration inspections and approvals by different officers', 'Registration unit', 2, '2026-04-02', [['Registration workflow', '2025-08-19']]],
  ['service_standards', 'Published fees and processing times for permits', 'Permits unit', 3, '2026-01-05', [['Published service charter', '2026-01-02']]],
  ['trader_due_diligence', 'Beneficial-ownership check on registered traders', 'Registration unit', 1, '2026-05-20', []],
  ['trader_due_diligence', 'Site inspection of breeding facilities before registration', 'Registration unit', 2, '2026-03-30', [['Inspection checklist', '2025-07-07']]],
  ['private_standards', 'Code of conduct for registered traders and nurseries', 'Registration unit', 1, '2026-02-25', []],
  ['private_cooperation', 'Memorandum with air carriers and couriers', 'Enforcement unit', 2, '2026-01-19', [['Signed memorandum', '2024-02-12']]],
  ['post_employment', 'Cooling-off rule for departing permit officers (in drafting)', 'Legal adviser', 0, null, []],
  ['operator_audit', 'Stock-record audits of registered nurseries', 'Registration unit', 2, '2026-06-09', [['Audit programme 2025', '2025-05-15']]],
  ['private_penalties', 'Administrative fines for false trader declarations', 'Legal adviser', 2, '2026-02-11', [['Fines regulation', '2025-10-01']]],
  ['refusal_recognition', 'Annual integrity award for staff who report offers', 'Director', 1, '2026-01-30', []],
  ['integrity_policy', 'Authority integrity policy', 'Director', 3, '2026-02-03', [['Integrity policy (expired interim edition)', '2025-12-01', '2026-06-30'], ['Integrity policy 2023', '2023-01-09']]],
  ['internal_audit', 'Internal audit of a sample of permit files', 'Internal audit', 3, '2026-08-25', [['Internal audit report', '2026-08-20']]],
  ['internal_audit', 'Corruption risk register for the permit chain', 'Internal audit', 2, '2026-04-30', [['Risk register', '2025-04-28']]],
];

/**
 * Controls recorded in 2026 for the legal framework pack (PI-1.3). They were
 * added after the 2025 baseline was locked, so the baseline snapshot leaves
 * them out (and keeps the digest it was locked with).
 */
export const DEMO_LEGAL_CONTROLS: DemoControl[] = [
  ['legal_framework', 'Anti-Corruption Act 2019 and CITES Implementation Act, mapped against the permit chain', 'Legal adviser', 3, '2026-03-12', [['Legal mapping of corruption offences against the permit chain', '2026-03-10']]],
  ['action_against_corrupt_officials', 'Suspension and referral procedure for staff suspected of corruption', 'Director', 2, '2026-04-20', [['Staff circular on suspension and referral', '2025-11-14']]],
];
export const DEMO_LEGAL_CREATED_AT = '2026-03-12T09:00:00.000Z';

/** The assessor's answers where the law is weaker than the mapping control suggests. */
export const DEMO_PACK_OVERRIDES: Array<{ criterionId: string; maturity: number; justification: string }> = [
  { criterionId: '18', maturity: 1, justification: 'The Penal Code punishes trading in influence only when a public official sells the influence; brokers who promise permits or registrations fall outside it.' },
  { criterionId: '20', maturity: 0, justification: 'Veridia has no illicit-enrichment offence; a bill has been before parliament since 2024.' },
];

export const DEMO_CURRENT = { uid: 'demo-assessment-2026', title: '2026 self-assessment', asOf: '2026-10-31', createdAt: '2026-09-15T09:00:00.000Z' };
export const DEMO_BASELINE = { uid: 'demo-assessment-2025', title: '2025 baseline', asOf: '2025-10-31', createdAt: '2025-09-15T09:00:00.000Z' };

/** Cells the assessor judged riskier than the profile, so the heat map has hot spots. */
export const DEMO_CHAIN: Array<[string, string, number, number]> = [
  ['permit_issuance', 'bribery', 5, 5],
  ['inspection_endorsement', 'document_fraud', 5, 5],
  ['operation_registration', 'laundering', 5, 5],
  ['legal_acquisition', 'trading_in_influence', 5, 5],
];

export const DEMO_OVERRIDE = {
  criterionId: '12.2(e)',
  maturity: 1,
  justification: 'A draft cooling-off regulation has been circulated to staff and is applied informally while it awaits signature.',
};

export const DEMO_NOTES: Array<[string, string]> = [
  ['23.1', 'Wildlife offences became predicate offences for money laundering in 2021; no case involving a registered operation has reached court yet.'],
  ['7.1(b)', 'Rotation between ports is hampered by staff numbers; four-eyes sign-off is used instead for Appendix I permits.'],
  ['12.2(d)', 'The electronic permit system removed most face-to-face contact at intake.'],
];
