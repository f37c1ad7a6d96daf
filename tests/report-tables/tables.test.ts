import { reportFormat } from '../../shared/report/strings.js';
import { describe, expect, it } from 'vitest';
import { reportTableCsv } from '../../shared/report/csv-tables.js';
import { REPORT_TABLES } from '../../shared/report/formats.js';
import { reportTables } from '../../shared/report/tables.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { demoRegister, HOSTILE_TITLE, reportFixture } from './support.js';

const temp = useTempRegisters();

/** The CSV's data lines (BOM and final CRLF removed); only valid for tables without multi-line cells. */
const lines = (csv: string) => csv.slice(1).split('\r\n').slice(0, -1);

describe('reportTables', () => {
  it('carries the PI-1 figures of the assessment unchanged, as numbers', () => {
    const { detail, data } = reportFixture(demoRegister(temp.open()), 2);
    const { result } = detail;
    const tables = reportTables(data, 'en');

    const summary = new Map(tables.summary.rows.map((row) => [row[0], row[1]]));
    expect(summary.get('Overall score (0–100)')).toBe(result.overall.score);
    expect(typeof result.overall.score).toBe('number');
    for (const article of result.articles) {
      const [key] = [...summary.keys()].filter((k) => String(k).startsWith(`Score (0–100): Art. ${article.article} `));
      expect(summary.get(key!)).toBe(article.score);
    }
    expect(summary.get('Coverage: criteria at or above target (%)')).toBe(result.overall.coverage.percent);
    expect(summary.get('Flags: Critical')).toBe(result.flagCounts.critical);
    expect(summary.get('Flags: Low')).toBe(result.flagCounts.low);
    expect(summary.get('Status')).toBe('Draft');

    const criteria = tables.criteria;
    const final = criteria.headers.indexOf('Final maturity');
    const derived = criteria.headers.indexOf('Derived maturity');
    expect(criteria.rows).toHaveLength(result.criteria.length);
    result.criteria.forEach((c, i) => {
      expect(criteria.rows[i]![0]).toBe(c.paragraph);
      expect(criteria.rows[i]![final]).toBe(c.final);
      expect(criteria.rows[i]![derived]).toBe(c.derived);
    });

    const chain = tables.chain;
    const residual = chain.headers.indexOf('Residual risk');
    expect(chain.rows).toHaveLength(result.chain.length);
    result.chain.forEach((cell, i) => expect(chain.rows[i]![residual]).toBe(cell.residualDisplay));
    expect(chain.decimalColumns).toContain(residual);

    expect(tables.flags.rows).toHaveLength(result.flags.length);
    expect(tables['action-plan'].rows.map((row) => row[0])).toEqual(result.flags.map((_, i) => i + 1));
    // English is PI-1's own sentence, with its ISO dates written out as the report writes dates.
    const date = reportFormat('en').date;
    expect(tables.flags.rows.map((row) => row[3])).toEqual(result.flags.map((f) => f.reason.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => date(iso))));

    const controls = tables.controls;
    // ReportData knows stated and effective maturity for the controls behind its criteria.
    const linked = new Set(data.criteria.flatMap((c) => c.controls.rows.map((control) => control.uid)));
    expect(linked.size).toBeGreaterThan(10);
    for (const c of result.controls.filter((x) => linked.has(x.uid))) {
      const row = controls.rows.find((r) => r[0] === c.title)!;
      expect([row[2], row[3], row[4]]).toEqual([c.stated, c.effective, c.unsupported ? 'Yes' : 'No']);
    }
    expect(tables.evidence.rows).toHaveLength(data.evidenceRegister.total);
  });

  it('shows the digest of a locked assessment', () => {
    const { data } = reportFixture(demoRegister(temp.open()), 1);
    expect(data.assessment.digest).toMatch(/^[0-9a-f]{64}$/);
    const summary = reportTables(data, 'en').summary.rows;
    expect(summary.find((row) => row[0] === 'SHA-256 digest')?.[1]).toBe(data.assessment.digest);
    expect(summary.find((row) => row[0] === 'Status')?.[1]).toBe('Locked');
  });

  it('translates headers, titles and flag text into French and Spanish', () => {
    const { data } = reportFixture(demoRegister(temp.open()), 2);
    const en = reportTables(data, 'en');
    const fr = reportTables(data, 'fr');
    const es = reportTables(data, 'es');
    for (const id of REPORT_TABLES) {
      // Some words are the same in two languages (Article, Date, SHA-256), so compare whole header rows.
      expect(fr[id].headers, id).not.toEqual(en[id].headers);
      expect(es[id].headers, id).not.toEqual(en[id].headers);
      expect(es[id].title).not.toBe(en[id].title);
      expect(fr[id].rows).toHaveLength(en[id].rows.length);
    }
    expect(fr.criteria.headers).toContain('Maturité finale');
    expect(es.criteria.headers).toContain('Madurez final');
    const chainFlag = data.actionPlan.rows.findIndex((item) => item.flag.kind === 'chain-residual-risk');
    expect(fr.flags.rows[chainFlag]![3]).toMatch(/^Le risque résiduel de .+ est de \d+,\d \(/);
    expect(es.flags.rows[chainFlag]![0]).toMatch(/^(Crítica|Alta|Media|Baja)$/);
    // Figures do not depend on the language.
    expect(fr.criteria.rows.map((row) => row[9])).toEqual(en.criteria.rows.map((row) => row[9]));
  });
});

describe('reportTableCsv', () => {
  it('neutralises a formula typed as a control title, end to end', () => {
    const { data } = reportFixture(demoRegister(temp.open(), { hostile: true }), 2);
    expect(data.criteria.some((c) => c.controls.rows.some((control) => control.title === HOSTILE_TITLE))).toBe(true);
    for (const table of ['controls', 'evidence', 'criteria', 'flags'] as const) {
      const csv = reportTableCsv(data, table, 'en');
      expect(csv, table).toContain(`'=HYPERLINK(`);
      // No field of any line starts with a formula character (outside the neutralised ones).
      for (const line of lines(csv).filter((l) => !l.includes('\n'))) {
        for (const field of line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) expect(field.replace(/^"/, ''), `${table}: ${line}`).not.toMatch(/^[=+@\t\r]/);
      }
    }
  });

  it('writes numbers as plain numbers in the CSV', () => {
    const { detail, data } = reportFixture(demoRegister(temp.open()), 2);
    const csv = reportTableCsv(data, 'summary', 'en');
    expect(csv.startsWith('\uFEFFItem,Value\r\n')).toBe(true);
    expect(lines(csv)).toContain(`Overall score (0–100),${detail.result.overall.score}`);
    const chain = lines(reportTableCsv(data, 'chain', 'en'));
    expect(chain).toHaveLength(detail.result.chain.length + 1);
    expect(chain[1]!.split(',')[7]).toBe(String(detail.result.chain[0]!.residualDisplay));
  });
});
