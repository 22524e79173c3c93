import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfMakeModule from 'pdfmake';

type PdfMake = typeof PdfMakeModule;

const require = createRequire(import.meta.url);

/** The font every PDF embeds (subset): it has the French accents, « », € and U+202F. */
export const PDF_FONT = 'NotoSans';

function notoSans(style: string): string {
  const root = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
  return join(root, style, `NotoSans_${style}.ttf`);
}

/** The TrueType files of the four styles pdfmake combines (bold, italics, both). */
export function pdfFontFiles() {
  return {
    normal: notoSans('400Regular'),
    bold: notoSans('700Bold'),
    italics: notoSans('400Regular_Italic'),
    bolditalics: notoSans('700Bold_Italic'),
  };
}

let configured: PdfMake | undefined;

/**
 * pdfmake configured once for the process. pdfmake keeps its fonts and access policies in a
 * module-level singleton; it may read only our font files and fetch nothing, so a document can
 * never make the server read a local file or call a URL.
 */
export function pdfMaker(): PdfMake {
  if (configured) return configured;
  // pdfmake is CommonJS and exports an instance, which only `require` returns as such.
  const pdfmake = require('pdfmake') as PdfMake;
  const fonts = pdfFontFiles();
  const allowed = new Set(Object.values(fonts));
  pdfmake.setFonts({ [PDF_FONT]: fonts });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  configured = pdfmake;
  return pdfmake;
}
