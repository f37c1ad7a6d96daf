import type { AssessmentPackage } from './schema.js';

interface Issue {
  path: string;
  message: string;
}

/**
 * The references of an assessment's action plan and comment threads: one
 * action per flag, linked controls that the package holds, threads that name
 * a criterion or chain cell of the assessment, and no uid used twice.
 */
export function checkPlanAndThreads(pkg: AssessmentPackage, criterionIdsOf: (index: number) => ReadonlySet<string> | null, issues: Issue[]): void {
  const controls = new Set(pkg.controls.map((c) => c.uid));
  const uids = new Set<string>();
  const once = (uid: string, path: string) => {
    if (uids.has(uid)) issues.push({ path, message: `duplicate "${uid}"` });
    uids.add(uid);
  };
  pkg.assessments.forEach((assessment, a) => {
    const path = `$.assessments[${a}]`;
    const flags = new Set<string>();
    assessment.actions.forEach((action, i) => {
      once(action.uid, `${path}.actions[${i}].uid`);
      if (flags.has(action.flagKey)) issues.push({ path: `${path}.actions[${i}].flagKey`, message: `a second action for flag "${action.flagKey}"` });
      flags.add(action.flagKey);
      action.controlUids.forEach((uid, c) => {
        if (!controls.has(uid)) issues.push({ path: `${path}.actions[${i}].controlUids[${c}]`, message: `no control "${uid}" in this package` });
      });
    });
    const criteria = criterionIdsOf(a);
    const cells = new Set(assessment.chain.map((c) => `${c.stage}/${c.riskType}`));
    assessment.comments.forEach((comment, i) => {
      once(comment.uid, `${path}.comments[${i}].uid`);
      const { type, id } = comment.thread;
      const at = `${path}.comments[${i}].thread.id`;
      if (type === 'assessment' && id !== '') issues.push({ path: at, message: "the assessment's own thread has the id \"\"" });
      if (type === 'criterion' && criteria && !criteria.has(id)) issues.push({ path: at, message: `unknown criterion "${id}" for this assessment's frameworks` });
      if (type === 'cell' && !cells.has(id)) issues.push({ path: at, message: `no chain cell "${id}" in this assessment` });
    });
  });
}
