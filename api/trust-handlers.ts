import type { SigningKeyInfo } from '../shared/api/results.js';
import { appendAudit } from '../db/audit.js';
import { auditHead, checkHead, formatHead, headHistory, parseHead } from '../db/audit-head.js';
import { FOUR_EYES_SETTING, fourEyesRequired } from '../db/four-eyes.js';
import { inTransaction, type Register } from '../db/register.js';
import { setSetting } from '../db/settings.js';
import { exportSigningKey, importSigningKey, signingKeyInfo } from '../db/signing.js';
import { RegisterError } from '../db/errors.js';
import { listTrustedKeys } from '../db/trust.js';
import type { Handlers } from './handler-types.js';

function keyInfo(register: Register): SigningKeyInfo {
  return { ...signingKeyInfo(register), fourEyes: fourEyesRequired(register) };
}

/** Audit head, signing key, trust list and the four-eyes setting (issue 9). */
export const trustHandlers: Handlers<'trust.head' | 'trust.checkHead' | 'trust.key' | 'trust.exportKey' | 'trust.importKey' | 'trust.list' | 'trust.fourEyes'> = {
  'trust.head': (register) => {
    const head = auditHead(register);
    return { head: formatHead(head), rows: head.rows, hash: head.hash, history: headHistory(register) };
  },
  'trust.checkHead': (register, input) => {
    const check = checkHead(register, parseHead(input.head));
    return check.ok ? { ok: true, rows: check.rows } : { ok: false, rows: check.rows, problem: check.problem, reason: check.reason };
  },
  'trust.key': (register) => keyInfo(register),
  'trust.exportKey': (register) => ({ keyFile: exportSigningKey(register) }),
  'trust.importKey': (register, input) => {
    importSigningKey(register, input.keyFile, input.confirm ?? false);
    return keyInfo(register);
  },
  'trust.list': (register) => listTrustedKeys(register),
  'trust.fourEyes': (register, input) => {
    const before = fourEyesRequired(register);
    if (before === input.required) return keyInfo(register);
    // Switching the rule off weakens every later step, so it needs a reason on the record.
    if (!input.required && !input.justification) throw new RegisterError('invalid', 'justification: turning the four-eyes rule off needs a reason');
    inTransaction(register, () => {
      setSetting(register, FOUR_EYES_SETTING, input.required ? 'on' : 'off');
      appendAudit(register, { action: 'update', entity: 'setting', entityId: FOUR_EYES_SETTING, oldValue: before, newValue: input.required, justification: input.justification ?? null });
    });
    return keyInfo(register);
  },
};
