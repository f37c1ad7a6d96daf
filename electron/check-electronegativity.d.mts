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
  reason: string;
}
export declare function explanationFor(finding: Finding, allowlist: AllowlistEntry[]): AllowlistEntry | undefined;
