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

/** Latest as-of date first; on the same date the one created last. */
function newest(list: AssessmentRow[]): AssessmentRow | undefined {
  return [...list].sort((a, b) => b.asOf.localeCompare(a.asOf) || b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
}

/**
 * Every authority of the register with its newest locked assessment (the
 * figures a reader can verify), or its newest draft when none is locked;
 * the portfolio says how many contribute a draft.
 */
export function portfolioMembers(register: Register): { members: PortfolioInput[]; withoutAssessment: number } {
  const members: PortfolioInput[] = [];
  let withoutAssessment = 0;
  for (const authority of listAuthorities(register)) {
    const assessments = listAssessments(register, authority.id);
    const locked = newest(assessments.filter((a) => a.status === 'locked'));
    const chosen = locked ?? newest(assessments);
    if (!chosen) {
      withoutAssessment += 1;
      continue;
    }
    const snapshot = assessmentSnapshot(register, chosen.id);
    members.push({ authorityUid: authority.uid, snapshot, result: assess(snapshot), draft: !locked });
  }
  return { members, withoutAssessment };
}

export function portfolioOf(register: Register, k: number = DEFAULT_K): Portfolio {
  const library = registerLibrary(register);
  const { members, withoutAssessment } = portfolioMembers(register);
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
  'portfolio.get': (register, input) => portfolioOf(register, input.k ?? DEFAULT_K),
  'portfolio.export': async (register, input, env) => {
    const allowed: readonly string[] = PORTFOLIO_EXPORTS[input.document];
    if (!allowed.includes(input.format)) {
      throw new RegisterError('invalid', `the ${input.document} cannot be exported as ${input.format.toUpperCase()}; choose ${allowed.map((f) => f.toUpperCase()).join(', ')}`);
    }
    const library = registerLibrary(register);
    const portfolio = portfolioOf(register, input.k ?? DEFAULT_K);
    const file = await exportPortfolio(portfolio, { frameworks: [...library.frameworks.values()], families: [...library.families.values()] }, {
      document: input.document,
      format: input.format,
      language: input.language,
      printPdf: env.printPdf,
    });
    return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: Buffer.from(file.bytes).toString('base64') };
  },
};
