const SPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * Reads an amount as French users type it: « 1 234,56 € », « 1 234,56 », « 1234.56 »,
 * « 1.234,56 », « -250 € ». Returns null when the text is not a number, so that the caller can
 * flag the cell without losing what was typed.
 */
export function parseFrenchAmount(text: string): number | null {
  let value = text.replace(SPACES, '').replace(/(€|eur|euros?)$/i, '').replace(/^€/, '');
  let sign = 1;
  if (value.startsWith('-') || value.startsWith('−')) {
    sign = -1;
    value = value.slice(1);
  } else if (value.startsWith('+')) {
    value = value.slice(1);
  }
  if (!/^\d[\d.,]*$/.test(value)) return null;
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the last one is the decimal separator, the other groups thousands.
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [integer = '', fraction, extra] = value.split(decimal);
    if (extra !== undefined || !/^\d{1,3}(\d{3})*$/.test(integer.split(group).join('')) || !isGrouped(integer, group)) return null;
    normalized = `${integer.split(group).join('')}.${fraction}`;
  } else if (lastComma >= 0) {
    if (value.indexOf(',') !== lastComma) return null;
    normalized = value.replace(',', '.');
  } else if (lastDot >= 0) {
    const parts = value.split('.');
    // « 1.500 » and « 12.345.678 » group thousands; « 1234.56 » is a decimal point.
    if (parts.length > 2 || (parts[1]!.length === 3 && parts[0]!.length <= 3)) {
      if (!isGrouped(value, '.')) return null;
      normalized = parts.join('');
    } else {
      normalized = value;
    }
  } else {
    normalized = value;
  }
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  return sign * Number(normalized);
}

function isGrouped(integer: string, group: string): boolean {
  const parts = integer.split(group);
  return parts.every((part, index) => (index === 0 ? part.length >= 1 && part.length <= 3 : part.length === 3)) || parts.length === 1;
}

const formatter = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** « 1 234,56 € » */
export function formatEuros(value: number): string {
  return formatter.format(value);
}
