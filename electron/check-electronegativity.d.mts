export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}
export interface AllowlistEntry {
  check: string;
  file: string;
  sample?: string;
  /** How many findings this entry may explain (default 1). */
  count?: number;
  reason: string;
}
export declare function explanationFor(finding: Finding, allowlist: AllowlistEntry[]): AllowlistEntry | undefined;
export declare function explainFindings(findings: Finding[], allowlist: AllowlistEntry[]): { unexplained: Finding[]; stale: AllowlistEntry[] };
export declare function unexplainedFindings(
  dir: string,
  allowlist: AllowlistEntry[],
): Promise<{ electronVersion: string; findings: Finding[]; serious: Finding[]; unexplained: Finding[]; stale: AllowlistEntry[]; unparsed: unknown[] }>;
