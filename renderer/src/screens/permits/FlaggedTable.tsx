import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { detailsText } from '../../../../shared/permits/flag-sheet.js';
import type { StoredPermitFlag } from '../../../../shared/permits/summaries.js';

const ROW_HEIGHT = 34;

/**
 * The flagged permits, virtualised: only the rows in view are in the page, so
 * 100,000 stay smooth. Each permit is a button that opens the records behind
 * its flag; `onOpen` gets the button so focus can go back to it.
 */
export function FlaggedTable({ flags, people, onOpen }: { flags: StoredPermitFlag[]; people: boolean; onOpen: (flag: StoredPermitFlag, opener: HTMLElement) => void }) {
  const { t } = useTranslation('permits');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: flags.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items.length ? items[0]!.start : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columns = ['kind', 'permit', 'date', 'taxon', ...(people ? ['officer', 'applicant'] : []), 'details'];
  return (
    <div className="permits-table-wrap" ref={scrollRef} tabIndex={0} role="region" aria-label={t('table.label')} data-testid="permits-table">
      <table className="permits-table" aria-rowcount={flags.length + 1}>
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`table.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <tr style={{ height: top }} aria-hidden="true" /> : null}
          {items.map((item) => {
            const f = flags[item.index]!;
            const details = detailsText(f.details);
            return (
              <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                <td>{t(`kinds.${f.kind}`)}</td>
                <td className="mono">
                  <button type="button" className="permits-open" onClick={(e) => onOpen(f, e.currentTarget)} title={t('records.open')}>
                    {f.permit}
                    <span className="visually-hidden"> {t('records.open')}</span>
                  </button>
                </td>
                <td className="nowrap">{f.date}</td>
                <td>{f.taxon}</td>
                {people ? (
                  <>
                    <td className="mono">{f.officer ?? ''}</td>
                    <td className="mono">{f.applicant ?? ''}</td>
                  </>
                ) : null}
                <td className="details" title={details}>
                  {details}
                </td>
              </tr>
            );
          })}
          {bottom > 0 ? <tr style={{ height: bottom }} aria-hidden="true" /> : null}
        </tbody>
      </table>
    </div>
  );
}
