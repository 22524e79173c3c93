/** A quote selector: the anchored text and a little context, kept for export and re-attachment. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Where a passage lies in a content Y.Doc: two `Y.RelativePosition`s, each encoded with
 * `Y.encodeRelativePosition` then base64, so anchors move with concurrent edits; plus the quote,
 * shown when the passage was deleted (« détaché »).
 */
export interface Anchor {
  start: string;
  end: string;
  quote: TextQuote;
}
