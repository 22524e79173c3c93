import { describe, expect, it } from 'vitest';
import { isEditorSafeHref, safeHref } from './safeHref.js';

const UNSAFE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' JaVaScRiPt:alert(1)',
  '\u00a0javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'javascript\u0001:alert(1)',
  'javascript://%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:image/svg+xml;base64,PHN2Zz4=',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://exemple.fr/1234',
  'ftp://exemple.fr/',
  'tel:+33100000000',
  '',
  '   ',
  42,
  null,
  undefined,
  { href: 'https://exemple.fr' },
];

describe('safeHref', () => {
  it('keeps absolute http, https and mailto addresses, normalized', () => {
    expect(safeHref('https://www.tzcld.fr/territoires')).toBe('https://www.tzcld.fr/territoires');
    expect(safeHref('HTTPS://Exemple.FR')).toBe('https://exemple.fr/');
    expect(safeHref('  http://exemple.fr/a b  ')).toBe('http://exemple.fr/a%20b');
    expect(safeHref('mailto:contact@exemple.fr')).toBe('mailto:contact@exemple.fr');
  });

  it.each(UNSAFE)('refuses %j', (href) => {
    expect(safeHref(href)).toBeUndefined();
    expect(isEditorSafeHref(href)).toBe(false);
  });

  it('refuses relative references without a base, as an export has no page to resolve them against', () => {
    for (const href of ['/relatif', 'www.exemple.fr', '//exemple.fr/a', '&#106;avascript:alert(1)']) expect(safeHref(href)).toBeUndefined();
  });

  it('in the editor, lets a relative reference resolve against the page (an http address)', () => {
    for (const href of ['/aide', 'www.exemple.fr', '//exemple.fr/a', '#section', '&#106;avascript:alert(1)']) expect(isEditorSafeHref(href)).toBe(true);
    expect(isEditorSafeHref('https://exemple.fr')).toBe(true);
    expect(isEditorSafeHref('mailto:a@exemple.fr')).toBe(true);
  });
});
