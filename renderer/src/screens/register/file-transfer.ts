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

export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves bytes the way a browser saves a download: a Blob, an object URL, a temporary <a download>. */
export function saveFile(name: string, mediaType: string | null, base64: string): void {
  const blob = new Blob([fromBase64(base64)], { type: mediaType ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
