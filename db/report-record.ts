import { nativeSha256Hex } from './native-crypto.js';
import { canonicalJson } from '../shared/snapshot/canonical.js';
import { fingerprint, verifySignature, type SignatureStatus } from '../shared/signing/ed25519.js';
import { appendAudit } from './audit.js';
import { auditHead, formatHead } from './audit-head.js';
import { inTransaction, type Register } from './register.js';
import { actorName } from './settings.js';
import { signingKey, signingKeyInfo, signWithRegister } from './signing.js';
import type { ReportIntegrity } from '../shared/report/report-data.js';

export const MANIFEST_FORMAT = 'permit-integrity/report-manifest';

/** What `<report>.sig.json` holds: the file's hash bound to the assessment, signed by the register's key. */
export interface ReportManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  file: string;
  sha256: string;
  reportFormat: string;
  language: string;
  assessment: string;
  /** The locked snapshot's digest, or null for a report of an unlocked assessment. */
  digest: string | null;
  auditHead: string;
  exportedAt: string;
  exportedBy: string;
  signer?: string;
  publicKey?: string;
  signature?: string;
}

/**
 * The audit head and signing-key fingerprint a report prints. Read-only: a
 * preview must not write, so a register that has no key yet prints "unsigned"
 * here; an export calls `readyToSignReport` first.
 */
export function reportIntegrity(register: Register): ReportIntegrity {
  const key = signingKeyInfo(register);
  return { auditHead: formatHead(auditHead(register)), signingKey: key.canSign ? key.fingerprint : null };
}

/**
 * Before a report is built for export: makes the register's key if it has none
 * (as signing its manifest would), so that the key the report prints is the
 * one that signs its sidecar, and the head it prints is the head recorded with it.
 */
export function readyToSignReport(register: Register): void {
  inTransaction(register, () => void signingKey(register));
}

export function sha256OfFile(bytes: Uint8Array): string {
  return nativeSha256Hex(bytes);
}

/** The signed text: every manifest field but the signature itself, in canonical JSON. */
export function manifestPayload(manifest: ReportManifest): string {
  const { signature: _s, publicKey: _p, signer: _n, ...signed } = manifest;
  return canonicalJson(signed);
}

/**
 * Records an exported report in the audit log (its SHA-256 and the audit head
 * before this row) and returns the signed manifest for the sidecar file.
 */
export function recordReportExport(
  register: Register,
  report: { fileName: string; bytes: Uint8Array; reportFormat: string; language: string; assessmentUid: string; digest: string | null },
): ReportManifest {
  return inTransaction(register, () => {
    const manifest: ReportManifest = {
      format: MANIFEST_FORMAT,
      version: 1,
      file: report.fileName,
      sha256: sha256OfFile(report.bytes),
      reportFormat: report.reportFormat,
      language: report.language,
      assessment: report.assessmentUid,
      digest: report.digest,
      auditHead: formatHead(auditHead(register)),
      exportedAt: register.now(),
      exportedBy: actorName(register),
    };
    const signature = signWithRegister(register, 'report', manifestPayload(manifest), manifest.exportedBy);
    appendAudit(register, {
      action: 'export',
      entity: 'report',
      entityId: report.assessmentUid,
      newValue: { file: manifest.file, sha256: manifest.sha256, format: manifest.reportFormat, language: manifest.language, digest: manifest.digest, auditHead: manifest.auditHead },
    });
    return signature ? { ...manifest, signer: signature.signer, publicKey: signature.publicKey, signature: signature.signature } : manifest;
  });
}

export interface ManifestCheck {
  hashMatches: boolean;
  signature: SignatureStatus;
  signer: string | null;
  fingerprint: string | null;
}

export function checkManifest(manifest: ReportManifest, bytes: Uint8Array): ManifestCheck {
  return {
    hashMatches: sha256OfFile(bytes) === manifest.sha256,
    signature: verifySignature(manifest.publicKey, manifest.signature, 'report', manifestPayload(manifest)),
    signer: manifest.signer ?? null,
    fingerprint: manifest.publicKey && /^[0-9a-f]{64}$/.test(manifest.publicKey) ? fingerprint(manifest.publicKey) : null,
  };
}
