/** Stored with every assessment and printed on every report. */
export const METHODOLOGY_ID = 'PI-1' as const;
export const METHODOLOGY_VERSION = '1.0.0';
