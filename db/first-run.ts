import type { FirstRunSetup } from '../shared/domain/inputs.js';
import { firstRunSetup } from '../shared/domain/inputs.js';
import { coreFamilies } from '../shared/library/library.js';
import type { AssessmentRecord, AuthorityRecord, ControlRecord } from '../shared/domain/records.js';
import { appendAudit } from './audit.js';
import { createAssessment } from './assessments.js';
import { createAuthority } from './authorities.js';
import { createControl } from './controls.js';
import { RegisterError } from './errors.js';
import { registerLibrary } from './frameworks.js';
import { inTransaction, type Register } from './register.js';
import { getSetting, setSetting } from './settings.js';
import { parseInput } from './validate.js';

export interface FirstRunResult {
  authority: AuthorityRecord;
  controls: ControlRecord[];
  assessment: AssessmentRecord;
}

/**
 * The guided set-up of a new user's own authority, in one transaction: the
 * authority, who works on it (the first name becomes the audit actor), a
 * control for each core family the user described, and the first draft
 * assessment at the chosen as-of date.
 */
export function setUpAuthority(register: Register, input: FirstRunSetup): FirstRunResult {
  const data = parseInput(firstRunSetup, input, 'setup');
  const core = new Set(coreFamilies(registerLibrary(register)).map((f) => f.id));
  const problems = data.controls.flatMap((c, i) => (core.has(c.family) ? [] : [`controls[${i}].family: "${c.family}" is not a core family`]));
  if (problems.length) throw new RegisterError('invalid', `invalid setup: ${problems.join('; ')}`);
  return inTransaction(register, () => {
    const actor = data.users[0]!;
    const before = getSetting(register, 'actor');
    if (before !== actor) {
      setSetting(register, 'actor', actor);
      appendAudit(register, { action: 'update', entity: 'setting', entityId: 'actor', field: 'actor', oldValue: before, newValue: actor });
    }
    const notes = data.users.length > 1 ? `Team: ${data.users.join(', ')}` : '';
    const authority = createAuthority(register, { ...data.authority, notes: data.authority.notes || notes });
    const controls = data.controls.map((c) => createControl(register, authority.id, c));
    const assessment = createAssessment(register, authority.id, { title: data.assessmentTitle, asOf: data.asOf });
    return { authority, controls, assessment };
  });
}
