import { describe, expect, it } from 'vitest';
import { dayNumber, formatFrenchDate, parseFrenchDate, todayIso } from './parseFrenchDate.js';

describe('parseFrenchDate', () => {
  it.each([
    ['15/06/2026', '2026-06-15'],
    ['5/6/2026', '2026-06-05'],
    [' 15/06/2026 ', '2026-06-15'],
    ['15.06.2026', '2026-06-15'],
    ['15-06-2026', '2026-06-15'],
    ['15/06/26', '2026-06-15'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/2026', '2026-12-31'],
    ['2026-06-15', '2026-06-15'],
  ])('reads « %s » as %s', (text, iso) => {
    expect(parseFrenchDate(text)).toEqual({ ok: true, iso });
  });

  it.each([
    ['', 'Date manquante. Écrivez-la au format jj/mm/aaaa, par exemple 15/06/2026.'],
    ['juin 2026', 'Date illisible : « juin 2026 ». Écrivez-la au format jj/mm/aaaa, par exemple 15/06/2026.'],
    ['15/06', 'Date illisible : « 15/06 ». Écrivez-la au format jj/mm/aaaa, par exemple 15/06/2026.'],
    ['15/06-2026', 'Date illisible : « 15/06-2026 ». Écrivez-la au format jj/mm/aaaa, par exemple 15/06/2026.'],
    ['15/06/202', 'Date illisible : « 15/06/202 ». Écrivez-la au format jj/mm/aaaa, par exemple 15/06/2026.'],
    ['31/02/2026', 'Date impossible : « 31/02/2026 » — février 2026 compte 28 jours.'],
    ['29/02/2100', 'Date impossible : « 29/02/2100 » — février 2100 compte 28 jours.'],
    ['31/04/2026', 'Date impossible : « 31/04/2026 » — avril 2026 compte 30 jours.'],
    ['00/06/2026', 'Date impossible : « 00/06/2026 » — juin 2026 compte 30 jours.'],
    ['15/13/2026', 'Date impossible : « 15/13/2026 » — le mois doit être compris entre 1 et 12.'],
    ['2026-02-30', 'Date impossible : « 2026-02-30 » — février 2026 compte 28 jours.'],
  ])('refuses « %s » and says why', (text, error) => {
    expect(parseFrenchDate(text)).toEqual({ ok: false, error });
  });

  it('formats, orders and counts days', () => {
    expect(formatFrenchDate('2026-06-05')).toBe('05/06/2026');
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1);
    // ISO dates compare as strings, which the late-action check relies on.
    expect('2026-06-15' < '2026-11-01').toBe(true);
  });

  it('takes today in local time', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
