/**
 * Evidence files cross the API as base64 (the same JSON over IPC and HTTP).
 * These helpers read, encode and decode them in chunks, so a large file never
 * hits the call-stack limit of String.fromCharCode(...bytes) and the page
 * stays responsive while it works.
 */

import { MAX_EVIDENCE_BYTES } from '../../../../shared/domain/limits.js';

/** The register's own limit, checked here too so the user hears it before uploading. */
export const MAX_FILE_BYTES = MAX_EVIDENCE_BYTES;

/** A multiple of 3, so each chunk encodes to base64 without padding and the pieces join up. */
const ENCODE_CHUNK = 3 * 0x8000;
const STRING_CHUNK = 0x8000;

export function readFile(file: File, onProgress: (fraction: number) => void): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsArrayBuffer(file);
  });
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function toBase64(buffer: ArrayBuffer, onProgress: (fraction: number) => void): Promise<string> {
  const bytes = new Uint8Array(buffer);
  const parts: string[] = [];
  for (let offset = 0, n = 0; offset < bytes.length; offset += ENCODE_CHUNK, n++) {
    const chunk = bytes.subarray(offset, offset + ENCODE_CHUNK);
    let binary = '';
    for (let i = 0; i < chunk.length; i += STRING_CHUNK) binary += String.fromCharCode(...chunk.subarray(i, i + STRING_CHUNK));
    parts.push(btoa(binary));
    // Let the browser paint the progress every ~3 MB.
    if (n % 32 === 31) {
      onProgress(offset / bytes.length);
      await nextTask();
    }
  }
  onProgress(1);
  return parts.join('');
}

