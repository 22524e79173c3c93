import type { TextQuote } from './Anchor.js';

export const QUOTE_EXACT_MAX = 500;
export const QUOTE_CONTEXT = 32;

/**
 * The quote of a passage of `text` (W3C TextQuoteSelector): the passage itself, cut at 500
 * characters, and 32 characters of context on each side to find it again if its anchor is lost.
 */
export function quoteSelector(text: string, from: number, to: number): TextQuote {
  const start = Math.max(0, Math.min(from, text.length));
  const end = Math.max(start, Math.min(to, text.length));
  return {
    exact: text.slice(start, Math.min(end, start + QUOTE_EXACT_MAX)),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}
