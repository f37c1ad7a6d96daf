import { reportFormat } from '../../shared/report/strings.js';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildActionPlanDocx } from '../../exports/docx.js';
import { reportFlagText } from '../../shared/report/tables.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { demoRegister, reportFixture } from './support.js';

const temp = useTempRegisters();

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}

/** The text Word shows, without markup; XML entities decoded. */
function plainText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('buildActionPlanDocx', () => {
  it('lists every flag in an A4 landscape table whose header row repeats on each page', async () => {
    const { detail, data } = reportFixture(demoRegister(temp.open()), 2);
    const xml = await documentXml(await buildActionPlanDocx(data, 'en'));
    const text = plainText(xml);

    expect(detail.result.flags.length).toBeGreaterThan(5);
    for (const flag of detail.result.flags) {
      expect(text).toContain(reportFlagText(data, 'en').subject(flag));
      expect(text).toContain(flag.reason.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => reportFormat('en').date(iso)));
    }
    for (const heading of ['No.', 'Severity', 'Subject', 'Finding', 'Remedy', 'Owner', 'Due date', 'Status']) expect(text).toContain(heading);
    expect(text).toContain(data.authority.name);
    expect(text).toContain('Draft');

    // The figures the plan is drawn from, the legal framework pack's offences table (PI-1.3), the plan, then the criteria annex.
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(4);
    expect(plainText(tables[0]!)).toContain('Overall score (0–100)');
    expect(plainText(tables[3]!)).toContain('Final maturity');
    expect((tables[3]!.match(/<w:tr[ >]/g) ?? []).length).toBe(data.criteria.length + 1);
    const rows = tables[2]!.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(detail.result.flags.length + 1);
    expect(rows[0]).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/);
    expect(rows.slice(1).some((row) => row.includes('w:tblHeader'))).toBe(false);
    const size = xml.match(/<w:pgSz [^>]*\/>/)![0];
    expect(size).toContain('w:orient="landscape"');
    expect(size).toContain('w:w="16838"');
    expect(size).toContain('w:h="11906"');
  });

  it('prints the digest of a locked assessment', async () => {
    const { data } = reportFixture(demoRegister(temp.open()), 1);
    const text = plainText(await documentXml(await buildActionPlanDocx(data, 'en')));
    expect(text).toContain(data.assessment.digest!);
    expect(text).toContain('Locked');
  });

  it('translates the headers and findings into French and Spanish', async () => {
    const { data } = reportFixture(demoRegister(temp.open()), 2);
    const fr = plainText(await documentXml(await buildActionPlanDocx(data, 'fr')));
    const es = plainText(await documentXml(await buildActionPlanDocx(data, 'es')));
    for (const heading of ['Responsable', 'Échéance', 'Constat', "Plan d'action"]) expect(fr).toContain(heading);
    for (const heading of ['Responsable', 'Fecha límite', 'Hallazgo', 'Plan de acción']) expect(es).toContain(heading);
    expect(fr).not.toContain('Due date');
    expect(es).not.toContain('Owner');
    const chain = data.actionPlan.rows.find((item) => item.flag.kind === 'chain-residual-risk')!.flag;
    expect(fr).toContain(reportFlagText(data, 'fr').reason(chain));
    expect(reportFlagText(data, 'fr').reason(chain)).not.toBe(chain.reason);
  });
});
