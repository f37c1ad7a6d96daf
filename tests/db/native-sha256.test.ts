import { describe, expect, it } from 'vitest';
import { nativeSha256Hex } from '../../db/native-sha256.js';
import { portableSha256Hex } from '../../shared/snapshot/canonical.js';

describe('native SHA-256 for digests', () => {
  it('gives the same hex as the portable one, for ASCII, accents, scripts, emoji and empty text', () => {
    const texts = ['', 'abc', 'Autorité de gestion CITES — «Année» ñ', '许可证 مجوز', '🐘🦏'.repeat(1000), JSON.stringify({ a: [1, 2, { b: 'x'.repeat(100_000) }] })];
    for (const text of texts) expect(nativeSha256Hex(text)).toBe(portableSha256Hex(text));
    // The published test vector, so neither side can be wrong in the same way.
    expect(nativeSha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

});
