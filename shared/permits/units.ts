import { lower, trimmed } from './ascii-text.js';

/**
 * Unit normalisation: a quantity in a unit with a known conversion is stored
 * in its base unit; any other unit is kept as written (lower-cased) and only
 * ever compared with quantities of that same unit.
 */
const CONVERSIONS: Readonly<Record<string, { base: string; factor: number }>> = {
  kg: { base: 'kg', factor: 1 },
  kgs: { base: 'kg', factor: 1 },
  kilogram: { base: 'kg', factor: 1 },
  kilograms: { base: 'kg', factor: 1 },
  g: { base: 'kg', factor: 0.001 },
  gram: { base: 'kg', factor: 0.001 },
  grams: { base: 'kg', factor: 0.001 },
  mg: { base: 'kg', factor: 0.000001 },
  t: { base: 'kg', factor: 1000 },
  tonnes: { base: 'kg', factor: 1000 },
  lb: { base: 'kg', factor: 0.45359237 },
  lbs: { base: 'kg', factor: 0.45359237 },
  l: { base: 'l', factor: 1 },
  ml: { base: 'l', factor: 0.001 },
  m: { base: 'm', factor: 1 },
  cm: { base: 'm', factor: 0.01 },
  mm: { base: 'm', factor: 0.001 },
  m2: { base: 'm2', factor: 1 },
  cm2: { base: 'm2', factor: 0.0001 },
  m3: { base: 'm3', factor: 1 },
  cm3: { base: 'm3', factor: 0.000001 },
  // The Trade Database leaves the unit empty for a number of specimens.
  '': { base: '', factor: 1 },
  number: { base: '', factor: 1 },
  'number of specimens': { base: '', factor: 1 },
  items: { base: '', factor: 1 },
};

export interface NormalisedQuantity {
  quantity: number | null;
  unit: string;
  /** False when the unit had no known conversion and was kept as written. */
  known: boolean;
}

export function normaliseQuantity(quantity: number | null, unit: string): NormalisedQuantity {
  const key = lower(trimmed(unit));
  const conversion = Object.hasOwn(CONVERSIONS, key) ? CONVERSIONS[key] : undefined;
  if (!conversion) return { quantity, unit: key, known: false };
  // Rounded to 9 significant digits so that 1500 g and 1.5 kg compare equal. A whole number
  // below 10^9 in its base unit is its own rounding: skipped, as most quantities are (the import's hot path).
  const value =
    quantity === null
      ? null
      : conversion.factor === 1 && Number.isInteger(quantity) && Math.abs(quantity) < 1e9
        ? quantity
        : Number((quantity * conversion.factor).toPrecision(9));
  return { quantity: value, unit: conversion.base, known: true };
}
