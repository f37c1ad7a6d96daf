import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewPermitFile } from '../../db/permits/preview.js';
import { REQUIRED_REGISTER_FIELDS } from '../../shared/permits/parse-row.js';
import { suggestMapping } from '../../shared/permits/suggest-mapping.js';
import { REGISTER_HEADER, REGISTER_MAPPING } from '../../tools/permit-generator/csv.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { writeGenerated } from './files.js';
import { registerRow, writeWorkbook } from './xlsx-files.js';

const temp = useTempRegisters();
const permits = generatePermitData({ seed: 31, tradeRows: 10, registerRows: 20, anomalies: false }).register;

describe('column preview', () => {
  it('gives the header and the first five rows of a CSV register, as the import reads them', async () => {
    const file = writeGenerated(temp.dir(), { trade: [], register: permits, quotas: [], planted: [] }, 1).register;
    const preview = await previewPermitFile(file);
    expect(preview.file).toBe('register.csv');
    expect(preview.columns).toEqual([...REGISTER_HEADER]);
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]!.slice(0, 4)).toEqual([permits[0]!.number, permits[0]!.documentType, permits[0]!.receivedAt, permits[0]!.issuedAt]);
  });

  it('reads an XLSX workbook (date cells as ISO text, short rows padded) and a folder by its first file', async () => {
    const dir = temp.dir();
    mkdirSync(join(dir, 'exports'));
    await writeWorkbook(join(dir, 'exports', 'a.xlsx'), permits.map((p) => registerRow(p, true)));
    const preview = await previewPermitFile(join(dir, 'exports'));
    expect(preview.file).toBe('a.xlsx');
    expect(preview.columns).toEqual([...REGISTER_HEADER]);
    expect(preview.rows.map((r) => r[3])).toEqual(permits.slice(0, 5).map((p) => p.issuedAt));
    expect(preview.rows.every((r) => r.length === REGISTER_HEADER.length)).toBe(true);
  });

  it('refuses a missing path, an empty folder, a repeated column and a false workbook with a clear message', async () => {
    const dir = temp.dir();
    await expect(previewPermitFile(join(dir, 'nowhere.csv'))).rejects.toThrow(`path: no file or folder at ${join(dir, 'nowhere.csv')}`);
    await expect(previewPermitFile(dir)).rejects.toThrow(`path: the folder ${dir} holds no .csv or .xlsx file`);
    writeFileSync(join(dir, 'twice.csv'), 'No,Applicant,No\n1,a,2\n');
    await expect(previewPermitFile(join(dir, 'twice.csv'))).rejects.toThrow('path: twice.csv, line 1: the header names column "No" twice');
    writeFileSync(join(dir, 'fake.xlsx'), 'No,Applicant\n');
    await expect(previewPermitFile(join(dir, 'fake.xlsx'))).rejects.toThrow('path: fake.xlsx, line 0: the file is named .xlsx but is not an XLSX workbook');
    writeFileSync(join(dir, 'empty.csv'), '');
    await expect(previewPermitFile(join(dir, 'empty.csv'))).rejects.toThrow('path: empty.csv is empty (no header line)');
  });
});

describe('suggested mapping', () => {
  it('maps the generated register header completely, field by field', () => {
    expect(suggestMapping(REGISTER_HEADER)).toEqual(REGISTER_MAPPING);
  });

  it('knows French and Spanish names and the fields’ own names, and never maps one column twice', () => {
    expect(suggestMapping(['N° de permis', 'Type de document', 'Délivré le', 'Agent émetteur', 'Demandeur', 'Espèce', 'Statut'])).toEqual({
      documentType: 'Type de document', issuedAt: 'Délivré le', officer: 'Agent émetteur', applicant: 'Demandeur', taxon: 'Espèce', status: 'Statut', number: 'N° de permis',
    });
    const spanish = suggestMapping(['Número de permiso', 'Tipo de documento', 'Fecha de emisión', 'Funcionario', 'Solicitante', 'Especie', 'Estado']);
    expect(REQUIRED_REGISTER_FIELDS.filter((f) => !spanish[f])).toEqual([]);
    expect(suggestMapping(['issuedAt', 'documentType', 'endorsingOfficer'])).toEqual({ issuedAt: 'issuedAt', documentType: 'documentType', endorsingOfficer: 'endorsingOfficer' });
    // Only exact names count: "Endorsed quantity" is never the permit's quantity.
    expect(suggestMapping(['Endorsed quantity', 'Remarks'])).toEqual({ endorsedQuantity: 'Endorsed quantity' });
    expect(suggestMapping(['Status', 'State'])).toEqual({ status: 'Status' });
  });
});

