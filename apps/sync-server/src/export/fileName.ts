/** Characters no file system accepts, control characters, and what would hide the extension. */
const UNSAFE = /[\p{Cc}/\\:*?"<>|]+/gu;

/** A title made into a file name (accents kept), as the browser offers it for saving. */
export function fileNameOf(title: string, extension: string): string {
  const base = title.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120).trim();
  return `${base || 'document'}.${extension}`;
}

/** The same name in plain ASCII, for clients that ignore `filename*`. */
export function asciiFileNameOf(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|-+(?=\.[A-Za-z0-9]+$)/g, '');
  return ascii === '' || ascii.startsWith('.') ? `document${ascii}` : ascii;
}

/**
 * `attachment` with an ASCII `filename` and the exact name as RFC 5987 `filename*`: no quote,
 * backslash or line break from a title can reach the header.
 */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileNameOf(fileName)}"; filename*=UTF-8''${encoded}`;
}
