/** Longest run of characters without a line-break opportunity that the renderers receive. */
export const MAX_UNBROKEN_RUN = 40;

/** U+200B ZERO WIDTH SPACE: invisible, no width in Noto Sans, and a break opportunity (UAX #14). */
export const BREAK_OPPORTUNITY = '\u200b';

/**
 * Gives every run of more than `max` characters without a break opportunity one every `max`
 * characters (U+200B, invisible). A layout engine that meets a word wider than its line cuts it
 * by measuring ever shorter prefixes of the whole rest of the word, once per line: pdfmake took
 * 79 s for one 30 KiB word. With no run longer than `max`, each line costs the same whatever
 * the document's size. Real words and URLs are left alone: the count restarts at whitespace and
 * where UAX #14 already allows a break inside a URL (after `/`, `-` or `?` before a letter);
 * a run of spaces is bounded too. Never splits a surrogate pair, nor a letter from its combining
 * marks or an emoji sequence.
 */
export function breakLongWords(text: string, max: number = MAX_UNBROKEN_RUN): string {
  if (text.length <= max) return text;
  const parts: string[] = [];
  let start = 0;
  let run = 0;
  let spaces = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x200b) {
      run = 0;
      continue;
    }
    const space = isBreakingSpace(code);
    if (space !== spaces || (!space && index > 0 && breaksAfter(text.charCodeAt(index - 1)) && isAsciiLetter(code))) {
      spaces = space;
      run = 0;
    }
    if (run >= max && canBreakBefore(text, index)) {
      parts.push(text.slice(start, index), BREAK_OPPORTUNITY);
      start = index;
      run = 0;
    }
    run++;
  }
  if (start === 0) return text;
  parts.push(text.slice(start));
  return parts.join('');
}

/** Spaces where a line may break (not the no-break ones: U+00A0, U+2007, U+202F). */
function isBreakingSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0d ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a && code !== 0x2007) ||
    code === 0x205f ||
    code === 0x3000
  );
}

function breaksAfter(code: number): boolean {
  return code === 0x2f /* / */ || code === 0x2d /* - */ || code === 0x3f /* ? */;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const JOINS_PREVIOUS = /^(?:\p{M}|\p{Emoji_Modifier}|\u200d|[\ufe00-\ufe0f])/u;

function canBreakBefore(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  // The second half of a surrogate pair.
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  // After a zero-width joiner, inside an emoji sequence.
  if (text.charCodeAt(index - 1) === 0x200d) return false;
  return !JOINS_PREVIOUS.test(text.slice(index, index + 2));
}
