import { describe, expect, it } from 'vitest';
import { documentExportUrl, fileNameFromDisposition } from './exportApi.js';

describe('fileNameFromDisposition', () => {
  it('prefers the exact UTF-8 name of filename* over the ASCII one', () => {
    const header = `attachment; filename="Budget-Coeur-de-Loire.pdf"; filename*=UTF-8''${encodeURIComponent('Budget « Cœur de Loire ».pdf')}`;
    expect(fileNameFromDisposition(header)).toBe('Budget « Cœur de Loire ».pdf');
  });

  it('falls back to the ASCII name when filename* is absent or malformed', () => {
    expect(fileNameFromDisposition('attachment; filename="dossier.docx"')).toBe('dossier.docx');
    expect(fileNameFromDisposition(`attachment; filename="dossier.docx"; filename*=UTF-8''%E9%ZZ`)).toBe('dossier.docx');
    expect(fileNameFromDisposition(null)).toBeUndefined();
  });
});

describe('documentExportUrl', () => {
  it('asks for the evidence annex only when chosen', () => {
    expect(documentExportUrl('abc_-1', 'pdf', false)).toBe('/export/documents/abc_-1?format=pdf');
    expect(documentExportUrl('abc', 'docx', true)).toBe('/export/documents/abc?format=docx&evidence=1');
  });
});
