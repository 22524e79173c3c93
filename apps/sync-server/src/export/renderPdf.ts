import type { Content, ContentText, Node, NodeQueries, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { isShortFigure, plainText, type Block, type ExportBook, type ExportTable, type HeadingLevel, type Inline } from './ExportBook.js';
import { PDF_FONT, pdfMaker } from './pdfMaker.js';

const PAGE_WIDTH = 595.28;
const MARGIN = 56;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const WARNING_COLOR = '#B3261E';
const LINE_COLOR = '#B0B7BF';
/** The page footer is in the list of nodes that follow a heading: this style tells it apart. */
const FOOTER_STYLE = 'pageFooter';

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
 * header row repeats on each page, and « Page n sur N » in the footer.
 */
export async function renderPdf(book: ExportBook): Promise<Uint8Array> {
  const writer = new PdfWriter();
  const content: Content[] = [{ text: book.title, fontSize: 22, bold: true, margin: [0, 0, 0, 4] }];
  if (book.subtitle) content.push({ text: book.subtitle, italics: true, color: '#555555', margin: [0, 0, 0, 12] });
  for (const block of book.blocks) content.push(...writer.block(block));

  const definition: TDocumentDefinitions = {
    info: { title: book.title, creator: 'Canevas', producer: 'Canevas' },
    language: book.lang,
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN + 8],
    footer: (currentPage: number, pageCount: number) => ({ text: `Page ${currentPage} sur ${pageCount}`, style: FOOTER_STYLE }),
    styles: { [FOOTER_STYLE]: { alignment: 'center', fontSize: 8.5, color: '#555555', margin: [0, 22, 0, 0] } },
    pageBreakBefore: keepHeadingWithNext,
    defaultStyle: { font: PDF_FONT, fontSize: 10.5, lineHeight: 1.2 },
    content,
  };
  const buffer = await pdfMaker().createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}

/**
 * A heading never ends a page: it moves to the next one with what it introduces, when no text
 * follows it on its page, or when a table follows whose first row does not fit under its header
 * (pdfmake then carries the header over, leaving the heading alone).
 */
function keepHeadingWithNext(node: Node, queries: NodeQueries): boolean {
  if (node.headlineLevel === undefined) return false;
  const onPage = queries.getFollowingNodesOnPage();
  const next = onPage.find(isContent);
  if (next?.table) {
    // Cells come after their table in reading order: header cells, then the first row's.
    const columns = next.table.body[0]?.length ?? 0;
    const cellsOnPage = onPage.slice(onPage.indexOf(next) + 1).filter(isContent).length;
    return cellsOnPage <= columns;
  }
  if (next) return false;
  // Nothing of its own follows on this page: move it, unless what comes next is another heading
  // (an empty section, the end of a chapter), which moving would not bring closer.
  const following = queries.getNodesOnNextPage().find(isContent);
  return following !== undefined && following.headlineLevel === undefined;
}

function isContent(node: Node): boolean {
  return node.style !== FOOTER_STYLE && (node.text !== undefined || node.table !== undefined);
}

class PdfWriter {
  private headingCount = 0;
  /** Id of the last heading of each level, so each bookmark nests under its parent heading. */
  private readonly outlineParents: (string | undefined)[] = [];

  block(block: Block): Content[] {
    switch (block.kind) {
      case 'heading':
        return [this.heading(block.level, block.inlines)];
      case 'paragraph':
        // An empty paragraph (a template's blank to fill) keeps its space but is no text:
        // a heading above it is not « followed » by it (see keepHeadingWithNext).
        return [block.inlines.length === 0 ? { text: '', margin: [0, 0, 0, 14] } : { text: inlines(block.inlines), margin: [0, 0, 0, 6] }];
      case 'list':
        return [this.list(block)];
      case 'quote':
        return [{ stack: block.blocks.flatMap((child) => this.block(child)), italics: true, color: '#444444', margin: [14, 0, 0, 6] }];
      case 'code':
        return [{ text: block.text, fontSize: 9, preserveLeadingSpaces: true, background: '#F3F3F3', margin: [0, 0, 0, 6] }];
      case 'rule':
        return [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 4, 0, 8] }];
      case 'pageBreak':
        return [{ text: '', pageBreak: 'after' }];
      case 'table':
        return pdfTable(block.table);
    }
  }

  private heading(level: HeadingLevel, content: readonly Inline[]): ContentText {
    const id = `h${++this.headingCount}`;
    const parent = this.outlineParents.slice(0, level - 1).findLast((candidate) => candidate !== undefined);
    this.outlineParents[level - 1] = id;
    this.outlineParents.length = level;
    return {
      text: inlines(content),
      id,
      outline: true,
      outlineText: plainText(content).trim() || ' ',
      ...(parent !== undefined && { outlineParentId: parent }),
      headlineLevel: level,
      fontSize: HEADING_SIZES[level],
      bold: true,
      color: level <= 2 ? '#1F3A5F' : '#222222',
      margin: [0, level <= 2 ? 14 : 10, 0, 5],
    } as ContentText;
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

function inlines(content: readonly Inline[]): ContentText['text'] {
  if (content.length === 0) return ' ';
  return content.map((inline) => {
    if (inline.kind === 'break') return '\n';
    const { marks } = inline;
    const decoration = inline.href || marks.underline ? 'underline' : marks.strike ? 'lineThrough' : undefined;
    return {
      text: inline.text,
      ...(marks.bold && { bold: true }),
      ...(marks.italic && { italics: true }),
      ...(marks.code && { background: '#F3F3F3' }),
      ...(decoration && { decoration }),
      ...(inline.href && { link: inline.href, color: '#1A5BA6' }),
    };
  });
}

function pdfTable(table: ExportTable): Content[] {
  const out: Content[] = [];
  const width = table.columns.length;
  if (width > 0) {
    const header: TableCell[] = table.columns.map((column) => ({
      text: column.label,
      bold: true,
      fillColor: '#E8EEF4',
      ...(column.numeric && { alignment: 'right' }),
    }));
    const rows: TableCell[][] = table.rows.map((row) =>
      table.columns.map((column, index) =>
        column.numeric ? { text: unbreakable(row[index] ?? ''), alignment: 'right' } : { text: row[index] ?? '' },
      ),
    );
    // One alignment for all the lines of a table: right for figures, left when one is a sentence.
    const figures = table.totals.every((total) => isShortFigure(total.value));
    const totals: TableCell[][] = table.totals.map((total) => {
      const style = { bold: true, fillColor: '#F4F6F8', ...(total.warning && { color: WARNING_COLOR }) };
      const split = table.totalsColumn > 0 && table.totalsColumn < width;
      const cells: TableCell[] = split
        ? [
            { text: total.label, colSpan: table.totalsColumn, ...style },
            ...filler(table.totalsColumn - 1),
            {
              text: unbreakable(total.value),
              colSpan: width - table.totalsColumn,
              alignment: figures ? 'right' : 'left',
              ...style,
            },
            ...filler(width - table.totalsColumn - 1),
          ]
        : [{ text: `${total.label} : ${total.value}`, colSpan: width, ...style }, ...filler(width - 1)];
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
    out.push({ text: note, italics: true, fontSize: 8.5, color: WARNING_COLOR, margin: [0, 0, 0, last ? 10 : 2] });
  });
  return out;
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
