import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { ControlSearchField } from '../../components/ControlSearchField.js';
import { useControlChoices } from '../register/useControlChoices.js';

/**
 * Attaches the latest analysis run to a control as dated evidence (its summary
 * and input digest, no people): the yearly data analysis maturity level 4 asks for.
 */
export function AttachEvidence({ authorityId, asOf }: { authorityId: number; asOf: string }) {
  const { t } = useTranslation('permits');
  const api = useApi();
  const id = useId();
  const [control, setControl] = useState('');
  const [message, setMessage] = useState('');
  // The monitoring control may be any of 10,000: a large register is searched on the server.
  const choices = useControlChoices(authorityId, asOf);
  const controls = choices.rows ?? [];

  async function attach() {
    try {
      const evidence = await api.call('permits.attachEvidence', { authorityId, controlId: Number(control) });
      setMessage(t('evidence.done', { title: evidence.title }));
    } catch (error) {
      setMessage((error as Error).message);
    }
  }

  return (
    <div className="toolbar permits-evidence">
      <ControlSearchField choices={choices} />
      <div className="filter-field">
        <label htmlFor={id}>{t('evidence.control')}</label>
        <select id={id} value={control} onChange={(e) => setControl(e.target.value)}>
          <option value="">{t('evidence.choose')}</option>
          {controls.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={attach} disabled={!control}>
        {t('evidence.attach')}
      </button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
