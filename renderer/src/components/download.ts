/**
 * Saves bytes the way a browser saves a download: a Blob, an object URL and a
 * temporary <a download>. Works the same in browser mode and in Electron, whose
 * download guard allows blobs from the app's own page.
 */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file the API produced (an export, an evidence file), which travels as base64. */
export function saveFile(name: string, mediaType: string | null, base64: string): void {
  saveBlob(name, new Blob([fromBase64(base64)], { type: mediaType ?? 'application/octet-stream' }));
}
