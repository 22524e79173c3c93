/** Characters no file system accepts, control characters, and what would hide the extension. */
const UNSAFE = /[\p{Cc}/\\:*?"<>|]+/gu;

/** A title made into a file name (accents kept), as the browser offers it for saving. */
export function fileNameOf(title: string, extension: string): string {
  const base = title.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').slice(0, 120).trim();
  return `${base || 'document'}.${extension}`;
}

/** The same name in plain ASCII, for clients that ignore `filename*`. */
export function asciiFileNameOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot + 1)] : [fileName, ''];
  const ascii = (value: string) =>
    value
      .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '');
  const name = ascii(base) || 'document';
  const suffix = ascii(extension);
  return suffix ? `${name}.${suffix}` : name;
}

/**
 * `attachment` with an ASCII `filename` and the exact name as RFC 5987 `filename*`: no quote,
 * backslash or line break from a title can reach the header.
 */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileNameOf(fileName)}"; filename*=UTF-8''${encoded}`;
}
