import { describe, expect, it } from 'vitest';
import { isDigits, isFourDigits, isTenHexDigits, lower, trimmed, upper } from '../../shared/permits/ascii-text.js';
import { Random } from '../../tools/permit-generator/random.js';

/** Characters where a shortcut could go wrong: every kind of whitespace, controls, case-mapping oddities, surrogates. */
const ALPHABET = [
  'a', 'z', 'A', 'Z', '0', '9', 'f', 'F', 'g', 'G', '@', '[', '`', '{', '~', ' ', '\t', '\n', '\r', '\v', '\f', '\u0001', '\u001f', '\u007f', '\u0080',
  '\u00a0', '\u1680', '\u2000', '\u200b', '\u2028', '\u202f', '\u3000', '\ufeff', 'ß', 'é', 'É', 'İ', 'ı', 'ﬁ', 'Σ', '😀', '\ud800',
];

function randomText(random: Random): string {
  return Array.from({ length: random.int(0, 6) }, () => random.pick(ALPHABET)).join('');
}

describe('ASCII shortcuts for trim and case', () => {
  it('give exactly what the built-ins and the patterns they replace give, for 20,000 awkward strings', () => {
    const random = new Random(11);
    for (let i = 0; i < 20_000; i += 1) {
      const text = randomText(random);
      expect(trimmed(text)).toBe(text.trim());
      expect(upper(text)).toBe(text.toUpperCase());
      expect(lower(text)).toBe(text.toLowerCase());
      expect(isDigits(text)).toBe(/^\d+$/.test(text));
      expect(isFourDigits(text)).toBe(/^\d{4}$/.test(text));
    }
  });

  it('accept ten hex digits of either case and nothing else as a permit id', () => {
    expect(isTenHexDigits('9e3798e7bc')).toBe(true);
    expect(isTenHexDigits('9E3798E7BC')).toBe(true);
    for (const text of ['', '9e3798e7b', '9e3798e7bc0', '9e3798e7bg', '9e3798e7b ', ' 9e3798e7b', '9e3798e7b\n', '9e3798e7b/', '9e3798e7b:', '９e3798e7bc']) {
      expect(isTenHexDigits(text)).toBe(/^[0-9a-fA-F]{10}$/.test(text));
    }
    const random = new Random(12);
    for (let i = 0; i < 20_000; i += 1) {
      const text = Array.from({ length: random.int(9, 11) }, () => random.pick([...'0123456789abcdefABCDEFgG/:@`', ...ALPHABET])).join('');
      expect(isTenHexDigits(text)).toBe(/^[0-9a-fA-F]{10}$/.test(text));
    }
  });
});
