/** The audit log in words needs names, not ids: current names, and the names of records since deleted. */
import { describe, expect, it } from 'vitest';
import { auditLabels } from '../../db/audit-labels.js';
import { deleteControl, updateControl } from '../../db/controls.js';
import { setOverride } from '../../db/assessment-inputs.js';
import { seedAuthority } from '../helpers/register-fixtures.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

describe('auditLabels', () => {
  it('names authorities, controls, assessments, deleted controls and criterion entries', () => {
    const register = temp.open();
    const { authority, controls, assessment } = seedAuthority(register);
    updateControl(register, controls[1]!.id, { ...controls[1]!, title: 'Code of conduct (2026)' });
    deleteControl(register, controls[2]!.id);
    setOverride(register, assessment.id, '7.1(a)', { maturity: 1, justification: 'Seen in the field' });
    const labels = auditLabels(register);
    expect(labels[authority.uid]).toBe('Test Management Authority');
    expect(labels[controls[1]!.uid]).toBe('Code of conduct (2026)');
    expect(labels[controls[2]!.uid]).toBe('Asset declarations');
    expect(labels[assessment.uid]).toBe('2026 self-assessment');
    expect(labels[`${assessment.uid}/7.1(a)`]).toBe('2026 self-assessment · 7.1(a)');
  });
});
