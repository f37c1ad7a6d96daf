import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../../shared/domain/records.js';
import { compactJson } from './AuditValue.js';

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
    const key = row.action === 'update' && !row.field ? 'updateAll' : row.action === 'import' && row.field === 'update' ? 'importUpdate' : row.action === 'import' && row.field === 'controls' ? 'importControls' : row.action;
    const sentence = t(`sentence.${key}`, { actor: row.actor, entity, label, field, old: value(row.oldValue), new: value(row.newValue), defaultValue: `${row.actor}: ${row.action} ${entity} ${label}` });
    return row.justification ? `${sentence} ${t('sentence.reason', { reason: row.justification })}` : sentence;
  };
}
