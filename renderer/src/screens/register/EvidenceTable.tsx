import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../../shared/domain/records.js';
import { isEvidenceValid } from '../../../../shared/methodology/evidence.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { InlineError, useErrorReport } from './useErrorReport.js';
import { useFormat } from '../../i18n/format.js';
import { saveFile } from '../../components/download.js';

/** A control's evidence items: dates, stored file with its SHA-256, download and delete. */
export function EvidenceTable({ evidence, asOf, onDeleted }: { evidence: EvidenceRecord[]; asOf: string; onDeleted: () => Promise<void> }) {
  const { t } = useTranslation('register');
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const failure = useErrorReport();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  async function download(item: EvidenceRecord) {
    setBusy(item.id);
    failure.clear();
    try {
      const file = await api.call('evidence.file', { id: item.id });
      saveFile(file.name, file.mediaType, file.contentBase64);
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(null);
    }
  }

  async function remove(item: EvidenceRecord) {
    setBusy(item.id);
    failure.clear();
    try {
      await api.call('evidence.delete', { id: item.id });
      notify.success(t('evidence.deleted', { title: item.title }));
      setConfirming(null);
      await onDeleted();
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(null);
    }
  }

  if (evidence.length === 0) return <p className="muted">{t('evidence.none')}</p>;
  return (
    <div className="evidence-scroll">
      <InlineError message={failure.message} />
      <table className="evidence-table">
        <caption className="visually-hidden">{t('evidence.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evidence.title')}</th>
            <th scope="col">{t('evidence.date')}</th>
            <th scope="col">{t('evidence.expiryColumn')}</th>
            <th scope="col">{t('evidence.counts', { date: format.date(asOf) })}</th>
            <th scope="col">{t('evidence.fileName')}</th>
            <th scope="col" className="num">{t('evidence.size')}</th>
            <th scope="col">{t('evidence.sha256')}</th>
            <th scope="col">{t('evidence.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {evidence.map((item) => {
            const valid = isEvidenceValid({ uid: item.uid, title: item.title, date: item.date, expiry: item.expiry, sha256: item.fileSha256, size: item.fileSize }, asOf);
            return (
              <tr key={item.id}>
                <th scope="row">{item.title}</th>
                <td className="date">{format.date(item.date)}</td>
                <td className="date">{item.expiry ? format.date(item.expiry) : t('evidence.noExpiry')}</td>
                <td>
                  <span className={`badge ${valid ? 'review-current' : 'review-overdue'}`}>{valid ? t('evidence.valid') : t('evidence.notValid')}</span>
                </td>
                <td className="file-name">{item.fileName ?? <span className="muted">{t('evidence.noFile')}</span>}</td>
                <td className="num">{item.fileName ? format.bytes(item.fileSize) : '—'}</td>
                <td>
                  {item.fileSha256 ? (
                    <span className="mono sha" title={item.fileSha256} data-testid="evidence-sha256">
                      {item.fileSha256.slice(0, 16)}…<span className="visually-hidden">{item.fileSha256.slice(16)}</span>
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="evidence-actions">
                  {confirming === item.id ? (
                    <span role="group" aria-label={t('evidence.confirmGroup', { title: item.title })}>
                      <span>{t('evidence.confirmDelete')}</span>{' '}
                      <button type="button" className="danger" onClick={() => void remove(item)} disabled={busy === item.id} autoFocus>
                        {t('evidence.confirmDeleteButton', { title: item.title })}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('common:actions.cancel')}
                      </button>
                    </span>
                  ) : (
                    <>
                      {item.fileName ? (
                        <button type="button" onClick={() => void download(item)} disabled={busy === item.id} aria-label={t('evidence.downloadLabel', { name: item.fileName })}>
                          {t('common:actions.download')}
                        </button>
                      ) : null}{' '}
                      <button type="button" className="danger" onClick={() => setConfirming(item.id)} aria-label={t('evidence.deleteLabel', { title: item.title })}>
                        {t('common:actions.delete')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
