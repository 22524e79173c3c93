import type { Content, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { breakLongWords } from './breakLongWords.js';
import { isShortFigure, plainText, type Block, type ExportBook, type ExportTable, type HeadingLevel, type Inline } from './ExportBook.js';
import { PDF_FONT, pdfMaker } from './pdfMaker.js';

const PAGE_WIDTH = 595.28;
const MARGIN = 56;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const WARNING_COLOR = '#B3261E';
const LINE_COLOR = '#B0B7BF';
const FOOTER_STYLE = 'pageFooter';
const BODY_SIZE = 10.5;
const LINE_HEIGHT = 1.2;
const TABLE_SIZE = 9.5;
const CODE_SIZE = 9;
/**
 * Characters of one pdfmake text node at most. pdfmake builds each line by copying the list of
 * words still to place in the node, so a node's cost grows with the square of its word count
 * (256 KiB in one paragraph: 27 s). Longer paragraphs are laid out as consecutive nodes of this
 * size, each costing the same: the only trace is a line ending early every two pages or so of
 * one unbroken paragraph.
 */
const MAX_NODE_CHARS = 8000;
/** Past this size a heading is not kept with what follows: pdfmake cannot keep more than a page together. */
const MAX_KEPT_HEADING_CHARS = 1000;

const HEADING_SIZES: Record<HeadingLevel, number> = { 1: 17, 2: 14.5, 3: 12.5, 4: 11.5, 5: 11, 6: 10.5 };

const tableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => LINE_COLOR,
  vLineColor: () => LINE_COLOR,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/**
 * An A4 PDF with the Noto Sans font embedded (subset), headings as PDF bookmarks, tables whose
 * header row repeats on each page, and « Page n sur N » in the footer. One layout pass, linear
 * in the document's size: words are never longer than a line can take (`breakLongWords`), text
 * nodes are bounded (`MAX_NODE_CHARS`), and headings keep with what follows without pdfmake's
 * `pageBreakBefore`, which lays the whole document out again for every heading it moves.
 */
export async function renderPdf(book: ExportBook): Promise<Uint8Array> {
  const writer = new PdfWriter();
  const content: Content[] = [{ text: breakLongWords(book.title), fontSize: 22, bold: true, margin: [0, 0, 0, 4] }];
  if (book.subtitle) content.push({ text: breakLongWords(book.subtitle), italics: true, color: '#555555', margin: [0, 0, 0, 12] });
  book.blocks.forEach((block, index) => content.push(...writer.block(block, book.blocks[index + 1])));

  const definition: TDocumentDefinitions = {
    info: { title: book.title, creator: 'Canevas', producer: 'Canevas' },
    language: book.lang,
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN + 8],
    footer: (currentPage: number, pageCount: number) => ({ text: `Page ${currentPage} sur ${pageCount}`, style: FOOTER_STYLE }),
    styles: { [FOOTER_STYLE]: { alignment: 'center', fontSize: 8.5, color: '#555555', margin: [0, 22, 0, 0] } },
    defaultStyle: { font: PDF_FONT, fontSize: BODY_SIZE, lineHeight: LINE_HEIGHT },
    content,
  };
  const buffer = await pdfMaker().createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}

/**
 * A heading never ends a page: laid out together with an empty space as tall as the start of
 * what it introduces (`reserve`) in an unbreakable block, it moves to the next page when both do
 * not fit; the space is then taken back, so what follows starts right under the heading.
 */
function keptWithNext(heading: ContentText, reserve: number): Content {
  if (reserve <= 0) return heading;
  const [, top, , bottom] = heading.margin as [number, number, number, number];
  return {
    stack: [{ ...heading, margin: [0, 0, 0, bottom] }, { canvas: [], margin: [0, reserve, 0, 0] }],
    unbreakable: true,
    margin: [0, top, 0, -reserve],
  };
}

const lines = (count: number, size: number) => count * size * LINE_HEIGHT;

/** The height of the start of `next` that must fit under a heading: two lines of text, a table's header and first line. */
function reserveFor(next: Block | undefined): number {
  switch (next?.kind) {
    case undefined:
    case 'rule':
    case 'pageBreak':
      return 0;
    case 'heading':
    case 'paragraph':
      return next.kind === 'paragraph' && next.inlines.length > 0 ? lines(2, BODY_SIZE) : lines(1, BODY_SIZE);
    case 'list':
    case 'quote':
      return lines(2, BODY_SIZE);
    case 'code':
      return lines(2, CODE_SIZE);
    case 'table': {
      const { columns } = next.table;
      if (columns.length === 0) return lines(1, BODY_SIZE);
      // Labels wrap in narrow columns: a rough count of the header's lines (average glyph ~0.55 em).
      const perLine = Math.max(1, Math.floor((TEXT_WIDTH / columns.length - 8) / (TABLE_SIZE * 0.55)));
      const headerLines = Math.min(4, Math.max(...columns.map((column) => Math.ceil(column.label.length / perLine) || 1)));
      return 2 + lines(headerLines + 1, TABLE_SIZE) + 2 * 5;
    }
  }
}

class PdfWriter {
  private headingCount = 0;
  /** Id of the last heading of each level, so each bookmark nests under its parent heading. */
  private readonly outlineParents: (string | undefined)[] = [];

  block(block: Block, next?: Block): Content[] {
    switch (block.kind) {
      case 'heading':
        return [this.heading(block.level, block.inlines, next)];
      case 'paragraph':
        // An empty paragraph (a template's blank to fill) keeps its space.
        return [block.inlines.length === 0 ? { text: '', margin: [0, 0, 0, 14] } : textBlock(inlines(block.inlines), { margin: [0, 0, 0, 6] })];
      case 'list':
        return [this.list(block)];
      case 'quote':
        return [{ stack: block.blocks.flatMap((child) => this.block(child)), italics: true, color: '#444444', margin: [14, 0, 0, 6] }];
      case 'code':
        return [textBlock([breakLongWords(block.text)], { fontSize: CODE_SIZE, preserveLeadingSpaces: true, background: '#F3F3F3', margin: [0, 0, 0, 6] })];
      case 'rule':
        return [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 4, 0, 8] }];
      case 'pageBreak':
        return [{ text: '', pageBreak: 'after' }];
      case 'table':
        return pdfTable(block.table);
    }
  }

  private heading(level: HeadingLevel, content: readonly Inline[], next: Block | undefined): Content {
    const id = `h${++this.headingCount}`;
    const parent = this.outlineParents.slice(0, level - 1).findLast((candidate) => candidate !== undefined);
    this.outlineParents[level - 1] = id;
    this.outlineParents.length = level;
    const outline = plainText(content).trim();
    const text = inlines(content);
    const node = {
      text,
      id,
      outline: true,
      outlineText: (outline.length > 200 ? `${outline.slice(0, 200)}…` : outline) || ' ',
      ...(parent !== undefined && { outlineParentId: parent }),
      fontSize: HEADING_SIZES[level],
      bold: true,
      color: level <= 2 ? '#1F3A5F' : '#222222',
      margin: [0, level <= 2 ? 14 : 10, 0, 5],
    } as ContentText;
    const length = typeof text === 'string' ? text.length : text.reduce<number>((sum, piece) => sum + pieceText(piece).length, 0);
    if (length > MAX_KEPT_HEADING_CHARS) {
      // Laid out in bounded nodes like a long paragraph; the bookmark points at its start.
      const [first, ...rest] = splitPieces(typeof text === 'string' ? [text] : text, MAX_NODE_CHARS);
      const { margin, fontSize, bold, color } = node;
      return { stack: [{ ...node, text: first!, margin: 0 }, ...rest.map((piece): Content => ({ text: piece }))], margin: margin!, fontSize, bold, color } as Content;
    }
    return keptWithNext(node, reserveFor(next));
  }

  private list(block: Extract<Block, { kind: 'list' }>): Content {
    const items = block.items.map((item): Content => {
      const parts = item.flatMap((child) => this.block(child));
      if (parts.length === 0) return { text: '' };
      return parts.length === 1 ? parts[0]! : { stack: parts };
    });
    return block.ordered ? { ol: items, start: block.start, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] };
  }
}

/** What pdfmake takes in a text array: a plain string or a styled one. */
type Piece = string | { text: string; [style: string]: unknown };

function pieceText(piece: Piece): string {
  return typeof piece === 'string' ? piece : piece.text;
}

function inlines(content: readonly Inline[]): Piece[] | string {
  if (content.length === 0) return ' ';
  return content.map((inline): Piece => {
    if (inline.kind === 'break') return '\n';
    const { marks } = inline;
    const decoration = inline.href || marks.underline ? 'underline' : marks.strike ? 'lineThrough' : undefined;
    return {
      text: breakLongWords(inline.text),
      ...(marks.bold && { bold: true }),
      ...(marks.italic && { italics: true }),
      ...(marks.code && { background: '#F3F3F3' }),
      ...(decoration && { decoration }),
      ...(inline.href && { link: inline.href, color: '#1A5BA6' }),
    };
  });
}

/**
 * A text of any length as pdfmake content with `style`: one text node, or consecutive nodes of
 * at most `MAX_NODE_CHARS` characters (see there) stacked under the same style.
 */
function textBlock(text: Piece[] | string, style: Omit<ContentText, 'text'>): Content {
  const pieces = typeof text === 'string' ? [text] : text;
  const total = pieces.reduce<number>((sum, piece) => sum + pieceText(piece).length, 0);
  if (total <= MAX_NODE_CHARS) return { text: pieces as ContentText['text'], ...style } as Content;
  return { stack: splitPieces(pieces, MAX_NODE_CHARS).map((part): Content => ({ text: part as ContentText['text'] })), ...style } as Content;
}

/**
 * Groups pieces (strings or styled texts) into runs of at most `max` characters, cutting a
 * piece after a space, preferably at the end of a sentence, so that the line ending early at
 * each cut reads as naturally as possible.
 */
export function splitPieces(pieces: readonly Piece[], max: number): Piece[][] {
  const groups: Piece[][] = [];
  let group: Piece[] = [];
  let size = 0;
  const flush = () => {
    if (group.length > 0) groups.push(group);
    group = [];
    size = 0;
  };
  for (const piece of pieces) {
    let rest = pieceText(piece);
    const withText = (value: string): Piece => (typeof piece === 'string' ? value : { ...piece, text: value });
    while (size + rest.length > max) {
      const cut = cutPoint(rest, max - size);
      if (cut <= 0) {
        if (group.length === 0) {
          // Nowhere to cut within the budget (no space at all): cut at the budget.
          group.push(withText(rest.slice(0, max)));
          rest = rest.slice(max);
        }
        flush();
        continue;
      }
      group.push(withText(rest.slice(0, cut)));
      rest = rest.slice(cut);
      flush();
    }
    if (rest.length > 0 || pieceText(piece).length === 0) {
      group.push(withText(rest));
      size += rest.length;
    }
  }
  flush();
  return groups;
}

/** Where to cut `text` within `budget` characters: after a sentence's end, else after a space; 0 when neither. */
function cutPoint(text: string, budget: number): number {
  if (budget <= 0) return 0;
  const window = text.slice(0, budget);
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
  if (sentence > budget / 2) return sentence + 2;
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\u200b'), window.lastIndexOf('\n'));
  return space > 0 ? space + 1 : 0;
}

function pdfTable(table: ExportTable): Content[] {
  const out: Content[] = [];
  const width = table.columns.length;
  if (width > 0) {
    const header: TableCell[] = table.columns.map((column) => ({
      text: breakLongWords(column.label),
      bold: true,
      fillColor: '#E8EEF4',
      ...(column.numeric && { alignment: 'right' }),
    }));
    const rows: TableCell[][] = table.rows.map((row) =>
      table.columns.map((column, index) =>
        column.numeric ? cell(unbreakable(row[index] ?? ''), { alignment: 'right' }) : cell(row[index] ?? '', {}),
      ),
    );
    // One alignment for all the lines of a table: right for figures, left when one is a sentence.
    const figures = table.totals.every((total) => isShortFigure(total.value));
    const totals: TableCell[][] = table.totals.map((total) => {
      const style = { bold: true, fillColor: '#F4F6F8', ...(total.warning && { color: WARNING_COLOR }) };
      const split = table.totalsColumn > 0 && table.totalsColumn < width;
      const cells: TableCell[] = split
        ? [
            { text: breakLongWords(total.label), colSpan: table.totalsColumn, ...style },
            ...filler(table.totalsColumn - 1),
            {
              text: breakLongWords(unbreakable(total.value)),
              colSpan: width - table.totalsColumn,
              alignment: figures ? 'right' : 'left',
              ...style,
            },
            ...filler(width - table.totalsColumn - 1),
          ]
        : [{ text: breakLongWords(`${total.label} : ${total.value}`), colSpan: width, ...style }, ...filler(width - 1)];
      return cells;
    });
    out.push({
      table: {
        headerRows: 1,
        // Rows may continue on the next page under the repeated header, as in Word. Unbreakable
        // rows (or keepWithHeaderRows) move after layout, out of keepHeadingWithNext's sight,
        // and leave headings stranded at the foot of a page.
        widths: table.columns.map((column) => (column.numeric ? 'auto' : '*')),
        body: [header, ...rows, ...totals],
      },
      layout: tableLayout,
      fontSize: 9.5,
      margin: [0, 2, 0, table.notes.length > 0 ? 3 : 10],
    });
  }
  table.notes.forEach((note, index) => {
    const last = index === table.notes.length - 1;
    out.push({ text: breakLongWords(note), italics: true, fontSize: 8.5, color: WARNING_COLOR, margin: [0, 0, 0, last ? 10 : 2] });
  });
  return out;
}

/** A cell's text, as long as typed: bounded words and nodes, like a paragraph. */
function cell(value: string, style: Omit<ContentText, 'text'>): TableCell {
  return textBlock(breakLongWords(value), style) as TableCell;
}

/** pdfmake wants a placeholder cell for every column that a colSpan covers. */
function filler(count: number): TableCell[] {
  return Array.from({ length: Math.max(0, count) }, () => ({}));
}

/**
 * « 12 500,00 € » typed with plain spaces must not wrap inside its column: short values are
 * printed with no-break spaces. Longer ones (a list of late actions) wrap as usual.
 */
function unbreakable(value: string): string {
  return isShortFigure(value) ? value.replace(/ /g, '\u00a0') : value;
}
