/**
 * French calendar dates. Accepted: « 15/06/2026 », « 5/6/2026 », « 15.06.2026 », « 15-06-2026 »,
 * two-digit years « 15/06/26 » (read as 2026: these documents plan projects of this century,
 * and short years are what people type in tables), and ISO « 2026-06-15 » (pasted from a
 * spreadsheet or a date picker). Anything else is refused with a French explanation, so the
 * caller flags the cell and keeps the text.
 */
export type DateParse = { ok: true; iso: string } | { ok: false; error: string };

const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

const FRENCH = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function parseFrenchDate(text: string): DateParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Date manquante. Écrivez-la au format jj/mm/aaaa, par exemple 15/06/2026.' };
  let day: number, month: number, year: number;
  const french = FRENCH.exec(trimmed);
  const iso = french ? null : ISO.exec(trimmed);
  if (french) {
    day = Number(french[1]);
    month = Number(french[3]);
    year = french[4]!.length === 2 ? 2000 + Number(french[4]) : Number(french[4]);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    return { ok: false, error: `Date illisible : « ${trimmed} ». Écrivez-la au format jj/mm/aaaa, par exemple 15/06/2026.` };
  }
  if (month < 1 || month > 12) {
    return { ok: false, error: `Date impossible : « ${trimmed} » — le mois doit être compris entre 1 et 12.` };
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return { ok: false, error: `Date impossible : « ${trimmed} » — ${MONTHS[month - 1]} ${year} compte ${days} jours.` };
  }
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** « 2026-06-15 » → « 15/06/2026 ». */
export function formatFrenchDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** Today as an ISO date in the local time zone: a deadline passes at the user's midnight. */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Days since 1970-01-01 of an ISO date, for timelines (no time zone involved). */
export function dayNumber(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Math.round(Date.UTC(year!, month! - 1, day!) / 86_400_000);
}
