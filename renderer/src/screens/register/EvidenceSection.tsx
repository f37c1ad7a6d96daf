import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../../shared/domain/records.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { EvidenceForm } from './EvidenceForm.js';
import { EvidenceTable } from './EvidenceTable.js';

/** The evidence of one control: what is recorded, and a form to add more. */
export function EvidenceSection({ controlId, asOf, onChanged }: { controlId: number; asOf: string; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('register');
  const api = useApi();
  const notify = useNotify();
  const [evidence, setEvidence] = useState<EvidenceRecord[] | null>(null);

  const load = useCallback(async () => {
    try {
      setEvidence(await api.call('evidence.list', { controlId }));
    } catch (error) {
      notify.error(error);
    }
  }, [api, notify, controlId]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = async () => {
    await Promise.all([load(), onChanged()]);
  };

  return (
    <section className="evidence-section" aria-labelledby={`evidence-heading-${controlId}`}>
      <h3 id={`evidence-heading-${controlId}`}>{t('evidence.heading')}</h3>
      <p className="hint muted">{t('evidence.rule')}</p>
      {evidence === null ? <p>{t('common:common.loading')}</p> : <EvidenceTable evidence={evidence} asOf={asOf} onDeleted={changed} />}
      <EvidenceForm controlId={controlId} onAdded={changed} />
    </section>
  );
}
