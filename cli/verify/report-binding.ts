import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { checkManifest, sha256OfFile, type ReportManifest } from '../../db/report-record.js';
import { readableFile } from './readable-file.js';

export interface ReportBinding {
  ok: boolean;
  sha256: string;
  lines: string[];
}

/**
 * A report's printed digest only names the assessment; anyone can change the
 * figures around it. The file's own SHA-256, kept in the signed sidecar
 * manifest and in the exporting register's audit log, binds the whole file.
 */
export function checkReportBinding(report: string, source: string, sourceIsRegister: boolean): ReportBinding {
  const bytes = readableFile(report);
  const sha256 = sha256OfFile(bytes);
  const lines: string[] = [];
  let ok = true;
  let bound = false;
  const sidecar = `${report}.sig.json`;
  if (existsSync(sidecar)) {
    let manifest: ReportManifest | null = null;
    try {
      manifest = JSON.parse(readableFile(sidecar).toString('utf8')) as ReportManifest;
    } catch {
      ok = false;
      lines.push(`The sidecar ${sidecar} is not valid JSON: it was damaged or edited.`);
    }
    if (manifest) {
      const check = checkManifest(manifest, bytes);
      if (!check.hashMatches) {
        ok = false;
        lines.push(`The report file was CHANGED after export: its SHA-256 ${sha256} is not the ${manifest.sha256} in ${sidecar}.`);
      } else {
        bound = true;
        lines.push(`The report file is exactly the one exported on ${manifest.exportedAt} by ${manifest.exportedBy} (SHA-256 ${sha256}).`);
      }
      if (check.signature === 'valid') lines.push(`Manifest signature valid: signed by ${check.signer ?? 'an unnamed signer'} with key ${check.fingerprint}.`);
      else if (check.signature === 'unsigned') lines.push('Manifest UNSIGNED: it shows the hash, not who exported it.');
      else {
        ok = false;
        lines.push('Manifest signature INVALID: the sidecar was edited.');
      }
    }
  }
  if (sourceIsRegister) {
    const logged = exportedInLog(source, sha256);
    if (logged) {
      bound = true;
      lines.push(`Its SHA-256 is in the register's audit log: exported ${logged.at} by ${logged.actor}.`);
    } else {
      ok = false;
      lines.push(`Its SHA-256 ${sha256} is NOT in the register's audit log: this exact file was never exported from ${source} (it was changed, or comes from elsewhere).`);
    }
  }
  if (!bound && ok) lines.push('No sidecar and no register log to compare the file with: the file as a whole cannot be checked, only its printed digest and the figures read back from it.');
  return { ok, sha256, lines };
}

function exportedInLog(file: string, sha256: string): { at: string; actor: string } | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT at, actor FROM audit_log WHERE entity = 'report' AND action = 'export' AND instr(new_value, ?) > 0 ORDER BY id DESC LIMIT 1").get(`"sha256":"${sha256}"`) as { at: string; actor: string } | undefined) ?? null;
  } finally {
    db.close();
  }
}
