import { involvedPermits, relatedNumbers, tradeLinesOf } from '../../shared/permits/involved.js';
import { flagWithoutPeople, permitWithoutPeople } from '../../shared/permits/people.js';
import type { RegisterPermit } from '../../shared/permits/records.js';
import type { PermitRecordsPage } from '../../shared/permits/summaries.js';
import type { Register } from '../register.js';
import { storedFlag } from './analysis.js';
import { PERMIT_SELECT, permitFromRow, TRADE_SELECT, tradeFromRow } from './load.js';

export interface RecordsRequest {
  authorityId: number;
  flagId: number;
  withPeople: boolean;
  offset: number;
  limit: number;
}

/**
 * The records behind one flag, read from the data as imported now: for a
 * Trade Database flag every shipment line under its export permit id (both
 * reporters, exporter's first, oldest year first); for a register flag the
 * permits involved (shared/permits/involved.ts). One page of them, with the
 * total. Officers and applicants are blanked unless asked for.
 */
export function flagRecords(register: Register, request: RecordsRequest): PermitRecordsPage {
  const flag = storedFlag(register, request.authorityId, request.flagId);
  const shownFlag = request.withPeople ? flag : flagWithoutPeople(flag);
  if (flag.source === 'trade') {
    const lines = tradeLinesOf(flag.permit);
    const [column, value] = 'lineId' in lines ? ['t.record_id', lines.lineId] : ['t.export_permit', lines.exportPermit];
    const from = `FROM trade_records t JOIN permit_imports i ON i.id = t.import_id WHERE i.authority_id = ? AND ${column} = ?`;
    const total = (register.db.prepare(`SELECT count(*) AS n ${from}`).get(request.authorityId, value) as { n: number }).n;
    const rows = register.db
      .prepare(`SELECT ${TRADE_SELECT} ${from} ORDER BY t.reporter, t.year, t.import_id, t.line LIMIT ? OFFSET ?`)
      .raw()
      .all(request.authorityId, value, request.limit, request.offset) as unknown[][];
    return { flag: shownFlag, total, trade: rows.map(tradeFromRow), register: [] };
  }
  const select = (where: string, ...params: unknown[]): RegisterPermit[] =>
    (
      register.db
        .prepare(`SELECT ${PERMIT_SELECT} FROM register_permits p JOIN permit_imports i ON i.id = p.import_id WHERE i.authority_id = ? AND (${where}) ORDER BY p.import_id, p.line`)
        .raw()
        .all(request.authorityId, ...params) as unknown[][]
    ).map(permitFromRow);
  const flagged = select('p.number = ?', flag.permit);
  const others = relatedNumbers(flag, flagged);
  const related = select(`p.replaces = ?${others.length ? ` OR p.number IN (${others.map(() => '?').join(', ')})` : ''}`, flag.permit, ...others);
  // A permit that replaces itself would come twice; keep each stored row once.
  const rows = [...flagged, ...related.filter((p) => p.number !== flag.permit)];
  const involved = involvedPermits(flag, rows);
  const page = involved.slice(request.offset, request.offset + request.limit);
  return {
    flag: shownFlag,
    total: involved.length,
    trade: [],
    register: page.map(({ role, permit }) => ({ role, permit: request.withPeople ? permit : permitWithoutPeople(permit) })),
  };
}
