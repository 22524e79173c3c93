/**
 * The WHATWG URL parser, global in browsers and in Node. Declared here because the core and the
 * plugins compile without DOM or Node types.
 */
declare const URL: new (input: string, base?: string) => ParsedUrl;

interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address a link may keep, or undefined. Only http, https and mailto survive: `javascript:`,
 * `data:`, `vbscript:`, `file:`… are refused however they are written, because the check uses the
 * URL parser browsers use (it lowercases the scheme and drops leading spaces, tabs and newlines).
 * Any control character makes the address unsafe outright.
 *
 * Without `base`, only absolute addresses pass (exports, opened outside Canevas, where a relative
 * link means nothing). With a base, relative references such as `www.exemple.fr` or `/aide`, which
 * a browser resolves against the page's own http(s) address, pass too (the editor).
 * The result is the normalized absolute address.
 */
export function safeHref(href: unknown, base?: string): string | undefined {
  if (typeof href !== 'string') return undefined;
  const trimmed = href.trim();
  if (trimmed === '' || /\p{Cc}/u.test(trimmed)) return undefined;
  let url: ParsedUrl;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/** Stands for the editor's page when classifying relative references; never shown or stored. */
const EDITOR_PAGE = 'https://canevas.invalid/';

/** Whether the editor may keep `href` on a link (TipTap's `isAllowedUri`). */
export function isEditorSafeHref(href: unknown): boolean {
  return safeHref(href, EDITOR_PAGE) !== undefined;
}
