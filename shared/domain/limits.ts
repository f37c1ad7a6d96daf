/** Evidence files live inside the register so that one file is the whole record; this bounds each one. */
export const MAX_EVIDENCE_BYTES = 100 * 1024 * 1024;
