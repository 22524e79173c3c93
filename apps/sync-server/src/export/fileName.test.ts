import { describe, expect, it } from 'vitest';
import { asciiFileNameOf, contentDisposition, fileNameOf } from './fileName.js';

describe('file names', () => {
  it('keeps accents but no path, quote or control character from the title', () => {
    expect(fileNameOf('Budget « Cœur de Loire » : "2027"/v2', 'pdf')).toBe('Budget « Cœur de Loire » 2027 v2.pdf');
    expect(fileNameOf('../../etc/passwd', 'md')).toBe('etc passwd.md');
    expect(fileNameOf('   ', 'docx')).toBe('document.docx');
  });

  it('gives an ASCII fallback', () => {
    expect(asciiFileNameOf('Budget « Cœur de Loire » 2027.pdf')).toBe('Budget-Coeur-de-Loire-2027.pdf');
    expect(asciiFileNameOf('Œuvre été.docx')).toBe('OEuvre-ete.docx');
    expect(asciiFileNameOf('« ».pdf')).toBe('document.pdf');
  });

  it('cannot inject a header through the title', () => {
    const header = contentDisposition(fileNameOf('Plan\r\nSet-Cookie: session=volée; "x"', 'pdf'));
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `attachment; filename="Plan-Set-Cookie-session-volee-x.pdf"; filename*=UTF-8''Plan%20Set-Cookie%20session%3Dvol%C3%A9e%3B%20x.pdf`,
    );
  });
});
