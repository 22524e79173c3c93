import { parseFrenchAmount } from '../completeness/parseFrenchAmount.js';

const CURRENCY = /€|\beur(o?s?)\b/i;

/**
 * A plain number as French users type it (« 1 234,5 », « 0,75 », « -3 »), built on
 * {@link parseFrenchAmount}; null when the text is not a number or carries a currency.
 */
export function parseFrenchNumber(text: string): number | null {
  if (CURRENCY.test(text)) return null;
  return parseFrenchAmount(text);
}

/** « 12,5 % », « 12,5% » or « 12,5 » → 12.5. */
export function parseFrenchPercent(text: string): number | null {
  return parseFrenchNumber(text.trim().replace(/\s*%$/, ''));
}

/** A measured quantity: « 120 personnes », « 80 % », « ≥ 60 », « 1 200 € ». */
export interface Quantity {
  value: number;
  /** What follows the number, trimmed (« personnes », « % », « € »); '' when none. */
  unit: string;
}

const QUANTITY = /^(?:≥|≤|>=|<=|>|<|au moins|au plus|environ|~)?\s*([-−+]?\d[\d\s\u00a0\u202f.,]*)(.*)$/i;

/**
 * Reads an indicator's target or result: a number, optionally preceded by a comparison and
 * followed by a unit. Null when the text does not start with a number (« à définir »).
 */
export function parseQuantity(text: string): Quantity | null {
  const match = QUANTITY.exec(text.trim());
  if (!match) return null;
  let digits = match[1]!;
  let unit = match[2]!.trim();
  // « 1 200 € » keeps its spaces in the number; a trailing separator belongs to neither.
  digits = digits.replace(/[\s\u00a0\u202f.,]+$/, (tail) => {
    if (/[.,]/.test(tail)) unit = `${tail.trim()}${unit}`.trim();
    return '';
  });
  const value = parseFrenchAmount(digits);
  if (value === null) return null;
  return { value, unit };
}
