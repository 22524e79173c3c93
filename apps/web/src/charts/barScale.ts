/** Width of a bar for `value` when `max` fills `width`; negative and empty values draw nothing. */
export function barWidth(value: number, max: number, width: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(width, (value / max) * width);
}

/** Cuts a label that would overflow its column, keeping it readable. */
export function fitLabel(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}
