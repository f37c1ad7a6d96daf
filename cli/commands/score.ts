import { builtInLibrary } from '../../shared/library/builtin.js';
import { assess } from '../../shared/methodology/assess.js';
import { packageSnapshot, pickAssessment } from '../../shared/package/to-snapshot.js';
import { validatePackage } from '../../shared/package/validate.js';
import { resultView } from '../../shared/report/result-view.js';
import { optionalDate, parse } from '../args.js';
import { printJson, type Output } from '../output.js';
import { readJsonFile } from '../io.js';
import { chainText, criteriaText, flagsText, scoresText } from '../format/result-text.js';
import { InputError } from '../errors.js';


/** Scores a package file with PI-1. Pure: no database is opened or written. */
export function scoreCommand(argv: string[], io: Output): void {
  const { values, positionals } = parse(argv, { assessment: { type: 'string' }, 'as-of': { type: 'string' } }, 1);
  const file = positionals[0]!;
  const asOf = optionalDate(values, 'as-of');
  const { pkg, library } = validateOrExplain(file, readJsonFile(file));
  let assessment;
  try {
    assessment = pickAssessment(pkg, values.assessment as string | undefined);
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message}`);
  }
  const frozen = packageSnapshot(pkg, library, assessment);
  const snapshot = asOf ? { ...frozen, asOf } : frozen;
  const view = resultView(snapshot, assess(snapshot), { status: assessment.status, digest: asOf ? null : (assessment.lock?.digest ?? null) });
  if (values.json) return printJson(io, view);
  if (asOf && assessment.lock) io.err(`note: re-scored as of ${asOf}; the locked assessment's own date is ${frozen.asOf} and its digest does not apply`);
  const labels = builtInLibrary();
  io.out([scoresText(view), '', criteriaText(view), '', 'Flags', flagsText(view), '', 'Permit-chain risk', chainText(view, { stages: snapshot.stages, riskTypes: snapshot.riskTypes.length ? snapshot.riskTypes : [...labels.riskTypes] })].join('\n'));
}

function validateOrExplain(file: string, data: unknown) {
  try {
    return validatePackage(data);
  } catch (error) {
    throw new InputError(`${file} is not a valid assessment package:\n${(error as Error).message}`);
  }
}
