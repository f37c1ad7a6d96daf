import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../../shared/domain/records.js';
import { compactJson } from './AuditValue.js';

function parsed(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return {};
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The sentence key for rows that need their own wording: the trust events
 * (keys, the four-eyes rule and its overrides), where the generic "changed X
 * from A to B" would hide what an auditor looks for.
 */
function specialKey(row: AuditRecord): string | null {
  if (row.action === 'override' && row.field === 'four_eyes') return 'overrideFourEyes';
  if (row.action === 'override' && row.field === 'trust') return 'overrideTrust';
  if (row.action === 'trust' && row.entity === 'key') return 'trustKey';
  if (row.entity === 'key' && ['create', 'export', 'import'].includes(row.action)) return `key.${row.action}`;
  if (row.entity === 'setting' && row.entityId === 'four_eyes') return parsed(row.newValue).value === false ? 'fourEyesOff' : 'fourEyesOn';
  if (row.action === 'export' && (row.entity === 'report' || row.entity === 'package')) return `export.${row.entity}`;
  return null;
}

/**
 * An audit row as one sentence in the UI language: who did what to which
 * record (by its name, not its id), with the value before and after, and
 * the reason when one was given. The time is shown beside it.
 */
export function useAuditSentence(labels: Record<string, string>) {
  const { t } = useTranslation('audit');
  return (row: AuditRecord): string => {
    const label = labels[row.entityId] ?? row.entityId;
    const entity = t(`entityInSentence.${row.entity}`, { defaultValue: row.entity });
    const field = row.field ? t(`fields.${row.field}`, { defaultValue: row.field }) : '';
    const value = (raw: string | null) => {
      const text = compactJson(raw);
      if (!text) return t('nothing');
      return text.length > 80 ? `${text.slice(0, 80)}…` : text;
    };
    const after = parsed(row.newValue);
    const before = parsed(row.oldValue);
    const key =
      specialKey(row) ??
      (row.action === 'update' && !row.field ? 'updateAll' : row.action === 'import' && row.field === 'update' ? 'importUpdate' : row.action === 'import' && row.field === 'controls' ? 'importControls' : row.action);
    const sentence = t(`sentence.${key}`, {
      actor: row.actor,
      entity,
      label,
      field,
      old: value(row.oldValue),
      new: value(row.newValue),
      // Trust events: the step overridden, whose submission it was, and the key concerned.
      step: t(`steps.${text(after.step)}`, { defaultValue: text(after.step) }),
      submitter: text(before.submittedBy) || t('nothing'),
      fingerprint: text(after.fingerprint),
      defaultValue: `${row.actor}: ${row.action} ${entity} ${label}`,
    });
    return row.justification ? `${sentence} ${t('sentence.reason', { reason: row.justification })}` : sentence;
  };
}
