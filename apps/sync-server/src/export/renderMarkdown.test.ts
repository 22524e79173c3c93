import { describe, expect, it } from 'vitest';
import { paragraph, text, type ExportBook } from './ExportBook.js';
import { renderMarkdown } from './renderMarkdown.js';

const book = (blocks: ExportBook['blocks']): ExportBook => ({ title: 'Titre', blocks, lang: 'fr-FR' });
const body = (markdown: string) => markdown.split('\n\n').slice(1).join('\n\n').trimEnd();

describe('renderMarkdown', () => {
  it('keeps typed markup and raw HTML as text', () => {
    const markdown = renderMarkdown(book([paragraph(text('<img src=x onerror=alert(1)> [clic](javascript:alert(1)) *pas gras* & `code`'))]));
    expect(body(markdown)).toBe('\\<img src=x onerror=alert(1)\\> \\[clic\\](javascript:alert(1)) \\*pas gras\\* \\& \\`code\\`');
  });

  it('escapes what would start a block at the beginning of a line', () => {
    const lines = ['# pas un titre', '1. pas une liste', '- pas une puce', '    pas du code'].map((line) => paragraph(text(line)));
    expect(body(renderMarkdown(book(lines))).split('\n\n')).toEqual(['\\# pas un titre', '1\\. pas une liste', '\\- pas une puce', 'pas du code']);
  });

  it('keeps marks around the words, not the spaces, and links only to safe addresses', () => {
    const markdown = renderMarkdown(
      book([paragraph(text('Voir '), text(' le site ', { bold: true }), { kind: 'text', text: 'ici', marks: {}, href: 'https://exemple.fr/a(b)' })]),
    );
    expect(body(markdown)).toBe('Voir  **le site** [ici](<https://exemple.fr/a(b)>)');
  });

  it('writes a table cell’s pipe and line break without breaking the table', () => {
    const markdown = renderMarkdown(
      book([
        {
          kind: 'table',
          table: {
            columns: [
              { label: 'Poste', numeric: false },
              { label: 'Montant', numeric: true },
            ],
            rows: [['Achat | location\nmatériel', '1 200 €']],
            totals: [{ label: 'Total', value: '1 200,00 €', warning: false }],
            totalsColumn: 1,
            notes: [],
          },
        },
      ]),
    );
    expect(body(markdown)).toBe('| Poste | Montant |\n| --- | ---: |\n| Achat \\| location matériel | 1 200 € |\n| **Total** | **1 200,00 €** |');
  });
});
