import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { pdfFontFiles } from './pdfMaker.js';

// What French dossiers print: accents and ligatures, guillemets with their no-break spaces,
// the narrow no-break space of « 1 234,56 € », the apostrophe, dashes and the euro sign.
const FRENCH = 'àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛÜŸŒÆ«»’–—…€\u00a0\u202f';

describe('the PDF font', () => {
  it.each(Object.entries(pdfFontFiles()))('%s has a glyph for every character of French text', (_style, file) => {
    const font = fontkit.openSync(file) as fontkit.Font;
    const missing = [...FRENCH].filter((character) => !font.hasGlyphForCodePoint(character.codePointAt(0)!));
    expect(missing).toEqual([]);
  });
});
