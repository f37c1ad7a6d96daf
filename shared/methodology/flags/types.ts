import type { FlagKind, Severity } from '../../domain/vocabulary.js';

export interface FlagSubject {
  type: 'criterion' | 'control' | 'family' | 'cell';
  /** Criterion id, control uid, family id, or `stage/riskType` for a cell. */
  id: string;
  label: string;
}

export interface RemedyFamily {
  id: string;
  title: string;
  recommendation: string;
}

export interface Remedy {
  /** One sentence on what to do about this flag. */
  action: string;
  /** The families that would close the gap, with the library's recommendation for each. */
  families: RemedyFamily[];
}

export interface Flag {
  kind: FlagKind;
  severity: Severity;
  subject: FlagSubject;
  /** Why, in one English sentence; `params` lets a UI say the same in another language. */
  reason: string;
  params: Record<string, string | number>;
  remedy: Remedy;
}
