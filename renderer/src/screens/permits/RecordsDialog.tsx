import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailsText } from '../../../../shared/permits/flag-sheet.js';
import type { PermitRecordsPage, StoredPermitFlag } from '../../../../shared/permits/summaries.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { Dialog } from '../../components/Dialog.js';
import { useFormat } from '../../i18n/format.js';
import { RegisterRecords, TradeRecords } from './RecordTables.js';

/** Records fetched per click of "Show more". */
const PAGE = 100;

/**
 * The stored records behind one flagged permit, in a modal dialog (focus
 * stays inside, Escape closes it): the Trade Database lines under the export
 * permit, or the register permits the rule looked at. People only when shown.
 */
export function RecordsDialog({ authorityId, flag, people, onClose }: { authorityId: number; flag: StoredPermitFlag | null; people: boolean; onClose: () => void }) {
  const { t } = useTranslation('permits');
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const [page, setPage] = useState<PermitRecordsPage | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPage(null);
    if (!flag) return;
    let current = true;
    api
      .call('permits.records', { authorityId, flagId: flag.id, withPeople: people, limit: PAGE })
      .then((value) => {
        if (current) setPage(value);
      })
      .catch((e: unknown) => notify.error(e));
    return () => {
      current = false;
    };
  }, [api, notify, authorityId, flag, people]);

  async function more() {
    if (!page || !flag) return;
    setBusy(true);
    try {
      const offset = page.trade.length + page.register.length;
      const next = await api.call('permits.records', { authorityId, flagId: flag.id, withPeople: people, offset, limit: PAGE });
      setPage({ ...next, trade: [...page.trade, ...next.trade], register: [...page.register, ...next.register] });
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  const shown = page ? page.trade.length + page.register.length : 0;
  const shownFlag = page?.flag ?? flag;
  return (
    <Dialog title={flag ? t('records.title', { permit: flag.permit }) : ''} open={flag !== null} onClose={onClose}>
      {shownFlag ? (
        <div className="permits-records" data-testid="permits-records">
          <dl className="permits-records-flag">
            <dt>{t('table.kind')}</dt>
            <dd>{t(`kinds.${shownFlag.kind}`)}</dd>
            <dt>{t('table.date')}</dt>
            <dd>{shownFlag.date || '—'}</dd>
            <dt>{t('records.ruleSaw')}</dt>
            <dd>{detailsText(shownFlag.details) || '—'}</dd>
          </dl>
          {!page ? (
            <p role="status">{t('records.loading')}</p>
          ) : page.total === 0 ? (
            <p>{t('records.none')}</p>
          ) : (
            <>
              <p aria-live="polite" data-testid="permits-records-count">
                {t('records.shown', { count: page.total, shown: format.count(shown), total: format.count(page.total) })}
              </p>
              {shownFlag.source === 'trade' ? <TradeRecords lines={page.trade} permit={shownFlag.permit} /> : <RegisterRecords permits={page.register} people={people} />}
              {shown < page.total ? (
                <button type="button" onClick={() => void more()} disabled={busy}>
                  {t('records.more')}
                </button>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </Dialog>
  );
}
