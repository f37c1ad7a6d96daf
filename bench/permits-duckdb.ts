import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PERMIT_RULE_DEFAULTS } from '../shared/permits/analyse.js';
import type { QuotaRow, RegisterPermit, TradeRecord } from '../shared/permits/records.js';

/**
 * The red-flag rules as DuckDB SQL, for the bench's baseline: the same
 * thirteen rules with the same default parameters over the same records,
 * written the way an analyst would with DuckDB. `rn` keeps the import order,
 * which the rules use where the first or last of a group counts.
 */

const P = PERMIT_RULE_DEFAULTS;
const captive = P.sourceShift.captiveSources.map((s) => `'${s}'`).join(', ');
const near = P.structuring.threshold * (1 - P.structuring.margin);

/** Instants in milliseconds, as the rules read date-times: with an offset a real instant, without one the wall clock taken as UTC. */
const instantMs = (column: string) => `CASE
  WHEN ${column} IS NULL THEN NULL
  WHEN regexp_matches(${column}, '(Z|[+-]\\d{2}:?\\d{2})$') THEN epoch_ms(try_cast(${column} AS TIMESTAMPTZ))
  ELSE epoch_ms(try_cast(substr(${column}, 1, 19) AS TIMESTAMP)) END`;
const wallClockMs = (column: string) => `epoch_ms(try_cast(substr(${column}, 1, 19) AS TIMESTAMP))`;

export const RULES_SQL = `
CREATE OR REPLACE TABLE flags AS
WITH
t AS (SELECT *, CASE WHEN export_permit <> '' THEN export_permit ELSE 'line:' || record_id END AS pkey, printf('%04d-12-31', year) AS d FROM trade),
by_permit AS (
  SELECT export_permit AS permit,
    -- The latest line: the highest year, the first imported among equals.
    arg_min(taxon, rn - year::BIGINT * 100000000) AS latest_taxon, max(year) AS latest_year,
    count(DISTINCT year) FILTER (WHERE reporter = 'E') AS e_years, count(DISTINCT year) FILTER (WHERE reporter = 'I') AS i_years
  FROM t WHERE export_permit <> '' GROUP BY export_permit),
sides AS (
  SELECT export_permit AS permit, reporter, arg_min(taxon, rn) AS first_taxon, arg_min(year, rn) AS first_year,
    list_sort(list_distinct(list(taxon))) AS taxa, list_sort(list_distinct(list(term))) AS terms, list_sort(list_distinct(list(source))) AS sources
  FROM t WHERE export_permit <> '' GROUP BY export_permit, reporter),
both_sides AS (
  SELECT e.permit, e.first_taxon AS anchor_taxon, e.first_year AS anchor_year, e.taxa <> i.taxa AS taxon_differs, e.terms <> i.terms AS term_differs, e.sources <> i.sources AS source_differs
  FROM sides e JOIN sides i ON i.permit = e.permit AND e.reporter = 'E' AND i.reporter = 'I'),
by_permit_unit AS (
  SELECT export_permit AS permit, unit,
    sum(quantity) FILTER (WHERE reporter = 'E') AS e_sum, sum(quantity) FILTER (WHERE reporter = 'I') AS i_sum,
    count(quantity) FILTER (WHERE reporter = 'E') AS e_n, count(quantity) FILTER (WHERE reporter = 'I') AS i_n
  FROM t WHERE export_permit <> '' GROUP BY export_permit, unit),
year_shares AS (
  SELECT exporter, taxon, year, avg(CASE WHEN source IN (${captive}) THEN 1.0 ELSE 0.0 END) AS cap, avg(CASE WHEN source = 'W' THEN 1.0 ELSE 0.0 END) AS wild
  FROM t WHERE reporter = 'E' GROUP BY exporter, taxon, year HAVING count(*) >= ${P.sourceShift.minLinesPerYear}),
shifted AS (
  SELECT DISTINCT l.exporter, l.taxon, l.year FROM year_shares l JOIN year_shares e
    ON e.exporter = l.exporter AND e.taxon = l.taxon AND e.year < l.year AND l.year - e.year <= ${P.sourceShift.withinYears}
   AND (l.cap - e.cap) * 100 >= ${P.sourceShift.points} - 1e-9 AND l.wild < e.wild),
over_quota AS (
  SELECT g.year, g.exporter, g.taxon, g.term, g.unit FROM (
    SELECT year, exporter, taxon, term, unit, sum(quantity) AS reported FROM t WHERE reporter = 'E' AND quantity IS NOT NULL GROUP BY ALL) g
  JOIN quotas q ON q.year = g.year AND q.country = g.exporter AND q.taxon = g.taxon AND q.term = g.term AND q.unit = g.unit
  WHERE g.reported > q.quota),
p AS (SELECT *, coalesce(substr(coalesce(issued_at, received_at), 1, 10), '') AS d FROM permits),
concentrated AS (
  SELECT applicant, officer FROM (
    SELECT applicant, officer, count(*) AS own, sum(count(*)) OVER (PARTITION BY applicant) AS total FROM p WHERE officer <> '' AND applicant <> '' GROUP BY applicant, officer)
  WHERE total >= ${P.officerConcentration.minPermits} AND own / total >= ${P.officerConcentration.share}),
issued AS (
  SELECT number, d, taxon,
    CASE WHEN regexp_matches(issued_at, '(Z|[+-]\\d{2}:?\\d{2})$') THEN timezone('UTC', try_cast(issued_at AS TIMESTAMPTZ)) ELSE try_cast(substr(issued_at, 1, 19) AS TIMESTAMP) END AS local
  FROM p WHERE issued_at IS NOT NULL),
measured AS (
  SELECT number, d, taxon, document_type, (${instantMs('issued_at')} - ${instantMs('received_at')}) / 60000.0 AS minutes
  FROM p WHERE received_at IS NOT NULL AND issued_at IS NOT NULL),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY document_type ORDER BY minutes) AS rank, count(*) OVER (PARTITION BY document_type) AS n FROM measured WHERE minutes IS NOT NULL),
slow AS (SELECT document_type, first(minutes) AS slow FROM ranked WHERE rank = greatest(1, least(n, ceil(${P.processingTime.percentile} * n))) GROUP BY document_type),
replaced AS (SELECT replaces AS number, arg_max({'issued': issued_at}, rn).issued AS by_issued FROM p WHERE replaces IS NOT NULL AND replaces <> '' GROUP BY replaces),
numbered AS (
  SELECT *, regexp_extract(number, '^(.*?)(\\d+)$', 1) AS prefix, try_cast(regexp_extract(number, '^(.*?)(\\d+)$', 2) AS DOUBLE) AS n FROM p WHERE regexp_matches(number, '\\d$')),
distinct_numbers AS (SELECT prefix, n, arg_min({'number': number, 'd': d, 'taxon': taxon}, rn) AS first FROM numbered GROUP BY prefix, n),
gaps AS (SELECT first, n - lag(n) OVER (PARTITION BY prefix ORDER BY n) - 1 AS missing FROM distinct_numbers),
near_threshold AS (
  SELECT number, d, taxon, applicant, unit, rn, ${wallClockMs('coalesce(issued_at, received_at)')} AS ms
  FROM p WHERE applicant <> '' AND quantity IS NOT NULL AND quantity >= ${near} AND quantity < ${P.structuring.threshold}),
ordered AS (
  SELECT *, row_number() OVER (PARTITION BY applicant, taxon, unit ORDER BY ms, rn) AS idx FROM near_threshold WHERE ms IS NOT NULL),
windows AS (
  SELECT *, min(idx) OVER (PARTITION BY applicant, taxon, unit ORDER BY ms RANGE BETWEEN ${P.structuring.windowDays * 86_400_000} PRECEDING AND CURRENT ROW) AS first_idx FROM ordered),
marked AS (
  SELECT *, first_value(CASE WHEN idx - first_idx + 1 >= ${P.structuring.minPermits} THEN first_idx END IGNORE NULLS)
    OVER (PARTITION BY applicant, taxon, unit ORDER BY idx ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS window_start
  FROM windows)
SELECT 'permit-reuse' AS kind, permit, printf('%04d-12-31', latest_year) AS date, latest_taxon AS taxon FROM by_permit WHERE e_years > 1 OR i_years > 1
UNION ALL SELECT 'permit-reuse', u.permit, printf('%04d-12-31', b.latest_year), b.latest_taxon FROM by_permit_unit u JOIN by_permit b USING (permit)
  WHERE u.e_n > 0 AND u.i_n > 0 AND u.i_sum > u.e_sum * (1 + ${P.permitReuse.quantityTolerance})
UNION ALL SELECT 'reporting-mismatch', permit, printf('%04d-12-31', anchor_year), anchor_taxon FROM both_sides WHERE taxon_differs
UNION ALL SELECT 'reporting-mismatch', permit, printf('%04d-12-31', anchor_year), anchor_taxon FROM both_sides WHERE term_differs
UNION ALL SELECT 'reporting-mismatch', permit, printf('%04d-12-31', anchor_year), anchor_taxon FROM both_sides WHERE source_differs
UNION ALL SELECT 'reporting-mismatch', u.permit, printf('%04d-12-31', b.anchor_year), b.anchor_taxon FROM by_permit_unit u JOIN both_sides b USING (permit)
  WHERE u.e_n > 0 AND u.i_n > 0 AND abs(u.i_sum - u.e_sum) > ${P.reportingMismatch.quantityTolerance} * greatest(u.i_sum, u.e_sum)
UNION ALL SELECT 'source-shift', t.pkey, t.d, t.taxon FROM t JOIN shifted USING (exporter, taxon, year) WHERE t.reporter = 'E' AND t.source IN (${captive})
UNION ALL SELECT 'quota-overrun', t.pkey, t.d, t.taxon FROM t JOIN over_quota USING (year, exporter, taxon, term, unit) WHERE t.reporter = 'E' AND t.quantity IS NOT NULL
UNION ALL SELECT 'appendix-i-commercial-wild', pkey, d, taxon FROM t WHERE appendix = 'I' AND purpose = 'T' AND source = 'W'
UNION ALL SELECT 'officer-concentration', p.number, p.d, p.taxon FROM p JOIN concentrated USING (applicant, officer)
UNION ALL SELECT 'out-of-hours', number, d, taxon FROM issued
  WHERE local IS NOT NULL AND (dayofweek(local) IN (${P.outOfHours.weekendDays.join(', ')}) OR hour(local) * 60 + minute(local) < 480 OR hour(local) * 60 + minute(local) >= 1080)
UNION ALL SELECT 'processing-time', r.number, r.d, r.taxon FROM ranked r JOIN slow USING (document_type)
  WHERE r.minutes < CASE r.document_type WHEN 'certificate' THEN ${P.processingTime.minimumMinutes.certificate} ELSE ${P.processingTime.minimumMinutes.export} END OR r.minutes > slow.slow
UNION ALL SELECT 'endorsement-problem', number, d, taxon FROM p WHERE endorsed_quantity IS NOT NULL AND quantity IS NOT NULL AND endorsed_quantity > quantity
UNION ALL SELECT 'endorsement-problem', number, d, taxon FROM p WHERE endorsed_at IS NOT NULL AND valid_until IS NOT NULL AND substr(endorsed_at, 1, 10) > substr(valid_until, 1, 10)
UNION ALL SELECT 'endorsement-problem', number, d, taxon FROM p WHERE endorsing_officer IS NOT NULL AND endorsing_officer <> '' AND officer <> '' AND endorsing_officer = officer
UNION ALL SELECT 'dead-permit-used', p.number, p.d, p.taxon FROM p LEFT JOIN replaced r ON r.number = p.number
  WHERE (p.status IN ('cancelled', 'replaced') AND p.endorsed_at IS NOT NULL)
     OR (r.number IS NOT NULL AND p.status = 'used')
     OR (r.number IS NOT NULL AND p.endorsed_at IS NOT NULL AND (r.by_issued IS NULL OR p.endorsed_at >= r.by_issued))
UNION ALL SELECT 'number-series', number, d, taxon FROM numbered JOIN (SELECT prefix, n FROM numbered GROUP BY prefix, n HAVING count(*) > 1) USING (prefix, n)
UNION ALL SELECT 'number-series', first.number, first.d, first.taxon FROM gaps WHERE missing > 0
UNION ALL SELECT 'export-validity', number, d, taxon FROM p
  WHERE document_type = 'export' AND issued_at IS NOT NULL AND valid_until IS NOT NULL
    AND substr(valid_until, 1, 10) > strftime(CAST(substr(issued_at, 1, 10) AS DATE) + INTERVAL ${P.exportValidity.maxMonths} MONTH, '%Y-%m-%d')
UNION ALL SELECT 'structuring', number, d, taxon FROM marked WHERE window_start IS NOT NULL AND window_start <= idx
`;

export interface DuckPermits {
  connection: DuckDBConnection;
  /** Runs every rule, storing the flags in a table; answers the flags per kind. */
  run(): Promise<Record<string, number>>;
  close(): void;
}

/** Loads the records into a DuckDB database file (not timed: the app's records are loaded before its pass too). */
export async function loadDuckPermits(file: string, trade: readonly TradeRecord[], permits: readonly RegisterPermit[], quotas: readonly QuotaRow[]): Promise<DuckPermits> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  await connection.run(`CREATE OR REPLACE TABLE trade (rn INTEGER, record_id VARCHAR, year INTEGER, appendix VARCHAR, taxon VARCHAR, term VARCHAR, quantity DOUBLE, unit VARCHAR,
    importer VARCHAR, exporter VARCHAR, origin VARCHAR, purpose VARCHAR, source VARCHAR, reporter VARCHAR, import_permit VARCHAR, export_permit VARCHAR, origin_permit VARCHAR)`);
  await connection.run(`CREATE OR REPLACE TABLE permits (rn INTEGER, number VARCHAR, document_type VARCHAR, received_at VARCHAR, issued_at VARCHAR, officer VARCHAR, applicant VARCHAR,
    taxon VARCHAR, appendix VARCHAR, term VARCHAR, quantity DOUBLE, unit VARCHAR, source VARCHAR, purpose VARCHAR, partner VARCHAR, valid_until VARCHAR, status VARCHAR,
    replaces VARCHAR, endorsed_quantity DOUBLE, endorsed_at VARCHAR, endorsing_officer VARCHAR)`);
  await connection.run('CREATE OR REPLACE TABLE quotas (year INTEGER, country VARCHAR, taxon VARCHAR, term VARCHAR, unit VARCHAR, quota DOUBLE)');
  const appender = await connection.createAppender('trade');
  const text = (value: string | null) => (value === null ? appender.appendNull() : appender.appendVarchar(value));
  const number = (value: number | null) => (value === null ? appender.appendNull() : appender.appendDouble(value));
  trade.forEach((r, rn) => {
    appender.appendInteger(rn);
    text(r.id);
    appender.appendInteger(r.year);
    for (const v of [r.appendix, r.taxon, r.term]) text(v);
    number(r.quantity);
    for (const v of [r.unit, r.importer, r.exporter, r.origin, r.purpose, r.source, r.reporter, r.importPermit, r.exportPermit, r.originPermit]) text(v);
    appender.endRow();
  });
  appender.closeSync();
  const permitAppender = await connection.createAppender('permits');
  const ptext = (value: string | null) => (value === null ? permitAppender.appendNull() : permitAppender.appendVarchar(value));
  const pnumber = (value: number | null) => (value === null ? permitAppender.appendNull() : permitAppender.appendDouble(value));
  permits.forEach((p, rn) => {
    permitAppender.appendInteger(rn);
    for (const v of [p.number, p.documentType, p.receivedAt, p.issuedAt, p.officer, p.applicant, p.taxon, p.appendix, p.term]) ptext(v);
    pnumber(p.quantity);
    for (const v of [p.unit, p.source, p.purpose, p.partner, p.validUntil, p.status, p.replaces]) ptext(v);
    pnumber(p.endorsedQuantity);
    for (const v of [p.endorsedAt, p.endorsingOfficer]) ptext(v);
    permitAppender.endRow();
  });
  permitAppender.closeSync();
  const quotaAppender = await connection.createAppender('quotas');
  for (const q of quotas) {
    quotaAppender.appendInteger(q.year);
    for (const v of [q.country, q.taxon, q.term, q.unit]) quotaAppender.appendVarchar(v);
    quotaAppender.appendDouble(q.quota);
    quotaAppender.endRow();
  }
  quotaAppender.closeSync();
  await connection.run('CHECKPOINT');
  return {
    connection,
    async run() {
      await connection.run(RULES_SQL);
      const rows = (await connection.runAndReadAll('SELECT kind, count(*)::INTEGER AS n FROM flags GROUP BY kind')).getRowObjectsJS() as Array<{ kind: string; n: number }>;
      return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
