/** The font sizes of charts.css (.chart__label and .chart__value; .chart__heading), in pixels. */
export const LABEL_FONT = 12;
export const HEADING_FONT = 13;

/** Width of a bar for `value` when `max` fills `width`; negative and empty values draw nothing. */
export function barWidth(value: number, max: number, width: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(width, (value / max) * width);
}

/**
 * A glyph's advance as a share of the font size, rounded up from common sans-serif faces (the
 * chart uses the page's font, which we cannot measure before rendering, nor in a test): a label
 * that fits by this measure fits on screen.
 */
function advance(char: string): number {
  if (/[iljtfrI.,;:!|'’ ()-]/.test(char)) return 0.36;
  if (/[mwMW@%]/.test(char)) return 0.95;
  if (/[A-ZÀ-ÖØ-Þ0-9]/.test(char)) return 0.7;
  return 0.6;
}

/** The estimated width of `text` at `fontSize` pixels (see {@link advance}). */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += advance(char) * fontSize;
  return width;
}

/**
 * Cuts a label that would overflow the `width` pixels of its column, with an ellipsis. A count of
 * characters is not enough: 30 letters of « Installer le comité local pour… » ran past the left
 * edge of the chart and lost their first letter.
 */
export function fitToWidth(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const room = width - textWidth('…', fontSize);
  let kept = '';
  for (const char of text) {
    if (textWidth(kept + char, fontSize) > room) break;
    kept += char;
  }
  return `${kept.trimEnd()}…`;
}
