/** Stored with every assessment and printed on every report. */
export const METHODOLOGY_ID = 'PI-1' as const;
/** 1.3.0: PI-1 with its changes 1.1 (absent controls do not make a family present), 1.2 (permit-data signals) and 1.3 (offences behind the risk types). */
export const METHODOLOGY_VERSION = '1.3.0';
