const NBSP = 0xa0;
const NARROW_NBSP = 0x202f;
const THIN_SPACE = 0x2009;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigit(code);
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba;
  if (code === 0xd7 || code === 0xf7) return false;
  if (code <= 0x24f) return true;
  // General punctuation, spaces, currency and symbols: not words.
  if (code >= 0x2000 && code <= 0x2bff) return false;
  if (code === 0x3000 || code === 0xfeff) return false;
  return true;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function isJoiner(code: number): boolean {
  // Hyphens keep « peut-être » or « Saint-Étienne » one word.
  return code === 45 || code === 0x2010 || code === 0x2011;
}

const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

/**
 * Counts words the way French text is counted: spaced punctuation (« », !, ?, :, ;) is not a
 * word; an elided article counts apart (« l’équipe » is two words); hyphenated words are one;
 * digit groups split by a non-breaking space (« 1 234 ») are one number.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  let lastWasDigit = false;
  let pendingSpaceInNumber = false;
  let wordStart = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (isWordChar(code)) {
      if (!inWord) {
        if (!(pendingSpaceInNumber && isDigit(code))) {
          words++;
          wordStart = i;
        }
        inWord = true;
      }
      pendingSpaceInNumber = false;
      lastWasDigit = isDigit(code);
      continue;
    }
    if (inWord && (isJoiner(code) || isApostrophe(code) || code === 44 || code === 46 || code === 47)) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (isWordChar(next)) {
        // « l’équipe »: the elided article is a word of its own; « aujourd’hui » is one word.
        // « 1,5 », « 1.5 » and « 15/06/2026 »: one number.
        if (isApostrophe(code)) {
          if (ELISIONS.has(text.slice(wordStart, i).toLowerCase())) inWord = false;
        } else if ((code === 44 || code === 46 || code === 47) && !(lastWasDigit && isDigit(next))) {
          inWord = false;
        }
        continue;
      }
    }
    pendingSpaceInNumber = lastWasDigit && inWord && (code === NBSP || code === NARROW_NBSP || code === THIN_SPACE);
    inWord = false;
  }
  return words;
}
