import { useTranslation } from 'react-i18next';
import type { InvolvementRole } from '../../../../shared/permits/involved.js';
import type { ShownRegisterPermit } from '../../../../shared/permits/people.js';
import type { TradeRecord } from '../../../../shared/permits/records.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';

const dash = (value: string | number | null) => (value === null || value === '' ? '—' : String(value));

/** The shipment lines under one export permit, as stored: both reporters, exporter's first. */
export function TradeRecords({ lines, permit }: { lines: readonly TradeRecord[]; permit: string }) {
  const { t } = useTranslation('permits');
  const caption = permit.startsWith('line:') ? t('records.tradeLine') : t('records.tradeCaption', { permit });
  const columns = ['reporter', 'year', 'id', 'taxon', 'term', 'quantity', 'exporter', 'importer', 'source', 'purpose', 'appendix', 'importPermit'] as const;
  return (
    <ScrollRegion label={caption} className="permits-scroll">
      <table className="permits-records-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`records.trade.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((r) => (
            <tr key={`${r.reporter}-${r.id}`}>
              <td>{t(`records.reporters.${r.reporter}`)}</td>
              <td>{r.year}</td>
              <td className="mono">{r.id}</td>
              <td>{r.taxon}</td>
              <td>{dash(r.term)}</td>
              <td className="num">{r.quantity === null ? '—' : `${r.quantity}${r.unit ? ` ${r.unit}` : ''}`}</td>
              <td>{dash(r.exporter)}</td>
              <td>{dash(r.importer)}</td>
              <td>{dash(r.source)}</td>
              <td>{dash(r.purpose)}</td>
              <td>{dash(r.appendix)}</td>
              <td className="mono">{dash(r.importPermit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The register permits a rule looked at, each with why it is shown. */
export function RegisterRecords({ permits, people }: { permits: ReadonlyArray<{ role: InvolvementRole; permit: ShownRegisterPermit }>; people: boolean }) {
  const { t } = useTranslation('permits');
  const columns = [
    'role', 'number', 'documentType', 'status', 'receivedAt', 'issuedAt', 'validUntil', 'replaces', 'quantity', 'endorsedQuantity', 'endorsedAt',
    ...(people ? (['officer', 'applicant', 'endorsingOfficer'] as const) : []),
  ] as const;
  return (
    <ScrollRegion label={t('records.registerCaption')} className="permits-scroll">
      <table className="permits-records-table">
        <caption>{t('records.registerCaption')}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`records.register.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {permits.map(({ role, permit: p }, i) => (
            <tr key={`${role}-${p.number}-${i}`} data-role={role}>
              <th scope="row">{t(`records.roles.${role}`)}</th>
              <td className="mono">{p.number}</td>
              <td>{p.documentType}</td>
              <td>{p.status}</td>
              <td className="nowrap">{dash(p.receivedAt)}</td>
              <td className="nowrap">{dash(p.issuedAt)}</td>
              <td className="nowrap">{dash(p.validUntil)}</td>
              <td className="mono">{dash(p.replaces)}</td>
              <td className="num">{p.quantity === null ? '—' : `${p.quantity}${p.unit ? ` ${p.unit}` : ''}`}</td>
              <td className="num">{dash(p.endorsedQuantity)}</td>
              <td className="nowrap">{dash(p.endorsedAt)}</td>
              {people ? (
                <>
                  <td className="mono">{dash(p.officer)}</td>
                  <td className="mono">{dash(p.applicant)}</td>
                  <td className="mono">{dash(p.endorsingOfficer)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
