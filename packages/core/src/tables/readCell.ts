import { parseFrenchAmount } from '../completeness/parseFrenchAmount.js';
import { normalizeText } from '../completeness/normalizeText.js';
import type { TypedTableColumn } from '../schema/typedTable.js';
import { parseFrenchDate } from './parseFrenchDate.js';
import { parseFrenchNumber, parseFrenchPercent } from './parseFrenchNumber.js';
import type { CellValue } from './TableModel.js';

/** The column's options matched case- and accent-insensitively: « terminee » is « Terminée ». */
export function matchEnum(text: string, options: readonly string[]): string | undefined {
  const wanted = normalizeText(text);
  return options.find((option) => normalizeText(option) === wanted);
}

function listOptions(options: readonly string[]): string {
  return options.map((option) => `« ${option} »`).join(', ');
}

/** Euros are counted in cents: a third decimal would be silently rounded away. */
const MAX_EURO_DECIMALS = 2;

/**
 * Reads an amount in euros as French users type it (« 1 234,56 € »): the value, or why it cannot
 * be counted. Shared by the `eur` cells and by budgets whose amount column is not typed.
 */
export function readEuros(text: string): { value: number; error?: undefined } | { value?: undefined; error: string } {
  const value = parseFrenchAmount(text);
  if (value === null) return { error: `Montant illisible : « ${text} ». Écrivez par exemple 1 234,56 €.` };
  const cents = value * 10 ** MAX_EURO_DECIMALS;
  // A tolerance for binary floating point: 0,29 × 100 is 28,999…
  if (Math.abs(cents - Math.round(cents)) > 1e-6) return { error: `${text} : au plus deux décimales pour un montant en euros.` };
  return { value };
}

/**
 * Reads one cell by its column's type. A blank cell has neither value nor error (whether it is
 * required is for the completeness rules to say); an unknown column type reads as text.
 */
export function readCell(raw: string, column: Pick<TypedTableColumn, 'type' | 'enum'>): CellValue {
  const text = raw.trim();
  switch (column.type) {
    case 'eur': {
      if (text === '') return { type: 'eur', raw };
      const amount = readEuros(text);
      return amount.error === undefined ? { type: 'eur', raw, value: amount.value } : { type: 'eur', raw, error: amount.error };
    }
    case 'number':
    case 'percent': {
      const type = column.type;
      if (text === '') return { type, raw };
      const value = type === 'percent' ? parseFrenchPercent(text) : parseFrenchNumber(text);
      if (value !== null) return { type, raw, value };
      const error = type === 'percent'
        ? `Pourcentage illisible : « ${text} ». Écrivez par exemple 12,5 %.`
        : `Nombre illisible : « ${text} ». Écrivez par exemple 1 234,5.`;
      return { type, raw, error };
    }
    case 'date': {
      if (text === '') return { type: 'date', raw };
      const parsed = parseFrenchDate(text);
      return parsed.ok ? { type: 'date', raw, value: parsed.iso } : { type: 'date', raw, error: parsed.error };
    }
    case 'enum': {
      const options = column.enum ?? [];
      if (text === '') return { type: 'enum', raw };
      // A column declared without options accepts any text.
      if (options.length === 0) return { type: 'enum', raw, value: text };
      const value = matchEnum(text, options);
      return value === undefined
        ? { type: 'enum', raw, error: `« ${text} » ne fait pas partie des valeurs proposées : ${listOptions(options)}.` }
        : { type: 'enum', raw, value };
    }
    default:
      return text === '' ? { type: 'text', raw } : { type: 'text', raw, value: text };
  }
}
