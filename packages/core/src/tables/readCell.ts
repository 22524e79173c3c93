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

/**
 * Reads one cell by its column's type. A blank cell has neither value nor error (whether it is
 * required is for the completeness rules to say); an unknown column type reads as text.
 */
export function readCell(raw: string, column: Pick<TypedTableColumn, 'type' | 'enum'>): CellValue {
  const text = raw.trim();
  switch (column.type) {
    case 'eur': {
      if (text === '') return { type: 'eur', raw };
      const value = parseFrenchAmount(text);
      return value === null
        ? { type: 'eur', raw, error: `Montant illisible : « ${text} ». Écrivez par exemple 1 234,56 €.` }
        : { type: 'eur', raw, value };
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
