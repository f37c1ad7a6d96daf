import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { nativePublicKeyOf, nativeSha256Hex, nativeSign } from '../../db/native-crypto.js';
import { portableSha256Hex } from '../../shared/snapshot/canonical.js';
import { portableSigner, signedText, verifySignature } from '../../shared/signing/ed25519.js';

describe('native SHA-256 for digests', () => {
  it('gives the same hex as the portable one, for ASCII, accents, scripts, emoji, lone surrogates (hostile text) and empty text', () => {
    const texts = ['', 'abc', 'Autorité de gestion CITES — «Année» ñ', '许可证 مجوز', '🐘🦏'.repeat(1000), 'lone \uD800 and \uDC00 surrogates', JSON.stringify({ a: [1, 2, { b: 'x'.repeat(100_000) }] })];
    for (const text of texts) expect(nativeSha256Hex(text)).toBe(portableSha256Hex(text));
    // The published test vector, so neither side can be wrong in the same way.
    expect(nativeSha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('native Ed25519 signing', () => {
  it('derives the same public key and the same signature bytes as the portable signer', () => {
    for (let i = 0; i < 50; i++) {
      const secret = new Uint8Array(randomBytes(32));
      const message = signedText(i % 2 ? 'lock' : 'report', randomBytes(i * 7).toString('hex') + 'é');
      expect(nativePublicKeyOf(secret)).toBe(portableSigner.publicKeyOf(secret));
      expect(nativeSign(secret, message)).toBe(portableSigner.sign(secret, message));
    }
  });

  it('matches RFC 8032 test 1, and its signatures verify with the JavaScript verifier', () => {
    const secret = Uint8Array.from(Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'));
    expect(nativePublicKeyOf(secret)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(nativeSign(secret, new Uint8Array())).toBe('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
    const signature = nativeSign(secret, signedText('lock', 'digest'));
    expect(verifySignature(nativePublicKeyOf(secret), signature, 'lock', 'digest')).toBe('valid');
    expect(verifySignature(nativePublicKeyOf(secret), signature, 'report', 'digest')).toBe('invalid');
  });

  it('refuses a secret key of the wrong length', () => {
    expect(() => nativeSign(new Uint8Array(31), new Uint8Array())).toThrow(/32 bytes/);
  });
});
