import { exportPortfolio, PORTFOLIO_EXPORTS } from '../exports/portfolio-export.js';
import { buildPortfolio, type PortfolioInput } from '../shared/portfolio/aggregate.js';
import { DEFAULT_K, type Portfolio } from '../shared/portfolio/types.js';
import { listAssessments, type AssessmentRow } from '../db/assessments.js';
import { listAuthorities } from '../db/authorities.js';
import { RegisterError } from '../db/errors.js';
import { registerLibrary } from '../db/frameworks.js';
import type { Register } from '../db/register.js';
import { assessmentSnapshot } from '../db/snapshot.js';
import { assess } from '../shared/methodology/assess.js';
import type { Handlers } from './handler-types.js';
import { DEMO_AUTHORITY } from '../db/demo-data.js';

/** Latest as-of date first; on the same date the one created last. */
function newest(list: AssessmentRow[]): AssessmentRow | undefined {
  return [...list].sort((a, b) => b.asOf.localeCompare(a.asOf) || b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
}

/**
 * Every authority of the register with its newest locked assessment (the
 * figures a reader can verify), or its newest draft when none is locked;
 * the portfolio says how many contribute a draft.
 */
export interface MemberOptions {
  /** Also pool the authorities created in this register (the consultant's own), not only imported ones. */
  includeOwn?: boolean;
}

/**
 * Only imported packages are pooled: never the demo (its figures are public,
 * so they could be subtracted out of every total), and the register's own
 * authorities only when chosen. An authority is counted once per identity:
 * its signing key when its lock is signed (one authority re-imported under a
 * new uid is still one), else its uid.
 */
export function portfolioMembers(register: Register, options: MemberOptions = {}): { members: PortfolioInput[]; withoutAssessment: number } {
  const imported = new Set(
    (register.db.prepare("SELECT DISTINCT entity_id AS uid FROM audit_log WHERE action = 'import' AND entity = 'authority'").all() as Array<{ uid: string }>).map((r) => r.uid),
  );
  const members: PortfolioInput[] = [];
  const identities = new Set<string>();
  let withoutAssessment = 0;
  for (const authority of listAuthorities(register)) {
    if (authority.uid === DEMO_AUTHORITY.uid) continue;
    if (!imported.has(authority.uid) && !options.includeOwn) continue;
    const assessments = listAssessments(register, authority.id);
    const locked = newest(assessments.filter((a) => a.status === 'locked'));
    const chosen = locked ?? newest(assessments);
    if (!chosen) {
      withoutAssessment += 1;
      continue;
    }
    const identity = chosen.signerKey ? `key:${chosen.signerKey}` : `uid:${authority.uid}`;
    if (identities.has(identity)) continue;
    identities.add(identity);
    const snapshot = assessmentSnapshot(register, chosen.id);
    members.push({ authorityUid: authority.uid, snapshot, result: assess(snapshot), draft: !locked });
  }
  return { members, withoutAssessment };
}

export function portfolioOf(register: Register, k: number = DEFAULT_K, options: MemberOptions = {}): Portfolio {
  const library = registerLibrary(register);
  const { members, withoutAssessment } = portfolioMembers(register, options);
  return buildPortfolio(members, {
    k,
    generatedAt: register.now(),
    withoutAssessment,
    families: [...library.families.values()],
    stages: library.stages,
    riskTypes: library.riskTypes,
  });
}

export const portfolioHandlers: Handlers<'portfolio.get' | 'portfolio.export'> = {
  'portfolio.get': (register, input) => portfolioOf(register, input.k ?? DEFAULT_K, { includeOwn: input.includeOwn }),
  'portfolio.export': async (register, input, env) => {
    const allowed: readonly string[] = PORTFOLIO_EXPORTS[input.document];
    if (!allowed.includes(input.format)) {
      throw new RegisterError('invalid', `the ${input.document} cannot be exported as ${input.format.toUpperCase()}; choose ${allowed.map((f) => f.toUpperCase()).join(', ')}`);
    }
    const library = registerLibrary(register);
    const portfolio = portfolioOf(register, input.k ?? DEFAULT_K, { includeOwn: input.includeOwn });
    const file = await exportPortfolio(portfolio, { frameworks: [...library.frameworks.values()], families: [...library.families.values()] }, {
      document: input.document,
      format: input.format,
      language: input.language,
      printPdf: env.printPdf,
    });
    return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: Buffer.from(file.bytes).toString('base64') };
  },
};
