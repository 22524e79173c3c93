import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { breakLongWords } from './breakLongWords.js';
import { isShortFigure, type Block, type ExportBook, type ExportTable, type Inline } from './ExportBook.js';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const BULLETS = ['•', '◦', '▪'];
const LIST_LEVELS = 9;
const INDENT_STEP = 360;
const WARNING_COLOR = 'B3261E';
const HEADER_FILL = 'E8EEF4';
const TOTAL_FILL = 'F4F6F8';

/**
 * A real Word document: the title in Word's Title style and headings in Heading 1–6 (so the
 * navigation pane and a table of contents work), lists numbered by Word, typed tables as
 * tables whose header row repeats on every page and whose computed totals follow the rows, and
 * « Page n sur N » in the footer.
 */
export async function renderDocx(book: ExportBook): Promise<Uint8Array> {
  const writer = new DocxWriter();
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(book.title)] })];
  if (book.subtitle) children.push(new Paragraph({ children: [new TextRun({ text: book.subtitle, italics: true, color: '555555' })] }));
  for (const block of book.blocks) children.push(...writer.block(block, 0));

  const document = new Document({
    title: book.title,
    creator: 'Canevas',
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: book.lang } }, paragraph: { spacing: { after: 120, line: 276 } } },
      },
    },
    numbering: {
      config: [
        { reference: 'bullet', levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length]! })) },
        ...[...writer.orderedStarts].map((start) => ({
          reference: orderedReference(start),
          levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start: level === 0 ? start : 1 })),
        })),
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES], size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function levels(format: (level: number) => Pick<ILevelsOptions, 'format' | 'text' | 'start'>): ILevelsOptions[] {
  return Array.from({ length: LIST_LEVELS }, (_, level) => ({
    level,
    alignment: AlignmentType.LEFT,
    ...format(level),
    style: { paragraph: { indent: { left: INDENT_STEP * (level + 1), hanging: INDENT_STEP } } },
  }));
}

function orderedReference(start: number): string {
  return `ordered-${start}`;
}

class DocxWriter {
  /** Each ordered list is its own numbering instance, so every list counts from its start. */
  private nextInstance = 1;
  readonly orderedStarts = new Set<number>();
  /** Paragraphs inside a quote are indented and carry a left rule, as in the editor. */
  private quoteDepth = 0;

  private indent(depth: number) {
    const left = INDENT_STEP * (depth + this.quoteDepth);
    return {
      ...(left > 0 && { indent: { left } }),
      ...(this.quoteDepth > 0 && { border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'BBBBBB', space: 8 } } }),
    };
  }

  block(block: Block, depth: number): (Paragraph | Table)[] {
    switch (block.kind) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.inlines), keepNext: true })];
      case 'paragraph':
        return [new Paragraph({ children: runs(block.inlines), ...this.indent(depth) })];
      case 'list':
        return this.list(block, depth);
      case 'quote': {
        this.quoteDepth++;
        try {
          return block.blocks.flatMap((child) => this.block(child, depth));
        } finally {
          this.quoteDepth--;
        }
      }
      case 'code':
        return block.text.split('\n').map(
          (line) =>
            new Paragraph({
              spacing: { after: 0 },
              shading: { type: ShadingType.CLEAR, fill: 'F3F3F3', color: 'auto' },
              children: [new TextRun({ text: breakLongWords(line), font: 'Consolas', size: 19 })],
            }),
        );
      case 'rule':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
      case 'table':
        return tableWithNotes(block.table);
    }
  }

  private list(block: Extract<Block, { kind: 'list' }>, depth: number): (Paragraph | Table)[] {
    const level = Math.min(depth, LIST_LEVELS - 1);
    let numbering: { reference: string; level: number; instance?: number };
    if (block.ordered) {
      this.orderedStarts.add(block.start);
      numbering = { reference: orderedReference(block.start), level, instance: this.nextInstance++ };
    } else {
      numbering = { reference: 'bullet', level };
    }
    const out: (Paragraph | Table)[] = [];
    for (const item of block.items) {
      let numbered = false;
      for (const child of item) {
        if (!numbered && child.kind === 'paragraph') {
          out.push(new Paragraph({ children: runs(child.inlines), numbering, spacing: { after: 60 } }));
          numbered = true;
        } else {
          // Text after the item's first paragraph and nested lists sit one level deeper.
          out.push(...this.block(child, depth + 1));
        }
      }
      if (!numbered) out.push(new Paragraph({ children: [], numbering }));
    }
    return out;
  }
}

function runs(inlines: readonly Inline[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      children.push(new TextRun({ text: '', break: 1 }));
      continue;
    }
    const run = new TextRun({
      // Word processors, too, lay out a line by measuring what is left of a word wider than it.
      text: breakLongWords(inline.text),
      bold: inline.marks.bold,
      italics: inline.marks.italic,
      strike: inline.marks.strike,
      ...(inline.marks.underline && { underline: {} }),
      ...(inline.marks.code && { font: 'Consolas' }),
      ...(inline.href && { color: '1A5BA6', underline: {} }),
    });
    children.push(inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run);
  }
  return children;
}

function tableWithNotes(table: ExportTable): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (table.columns.length > 0) out.push(docxTable(table));
  for (const note of table.notes) {
    out.push(new Paragraph({ children: [new TextRun({ text: breakLongWords(note), italics: true, size: 18, color: WARNING_COLOR })] }));
  }
  // Word glues two consecutive tables together; an empty paragraph keeps the next block apart.
  out.push(new Paragraph({ children: [] }));
  return out;
}

function docxTable(table: ExportTable): Table {
  const width = table.columns.length;
  const cell = (value: string, options: { bold?: boolean; right?: boolean; fill?: string; span?: number; color?: string }) =>
    new TableCell({
      ...(options.span && options.span > 1 && { columnSpan: options.span }),
      ...(options.fill && { shading: { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } }),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          spacing: { after: 0 },
          ...(options.right && { alignment: AlignmentType.RIGHT }),
          children: [new TextRun({ text: breakLongWords(value), bold: options.bold, ...(options.color && { color: options.color }) })],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column) => cell(column.label, { bold: true, fill: HEADER_FILL, right: column.numeric })),
  });
  const body = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: table.columns.map((column, index) => cell(row[index] ?? '', { right: column.numeric })),
      }),
  );
  // One alignment for all the lines of a table: right for figures, left when one is a sentence.
  const figures = table.totals.every((total) => isShortFigure(total.value));
  const totals = table.totals.map((total) => {
    const color = total.warning ? WARNING_COLOR : undefined;
    const style = { bold: true, fill: TOTAL_FILL, ...(color && { color }) };
    const split = table.totalsColumn > 0 && table.totalsColumn < width;
    return new TableRow({
      cantSplit: true,
      children: split
        ? [
            cell(total.label, { ...style, span: table.totalsColumn }),
            cell(total.value, { ...style, span: width - table.totalsColumn, right: figures }),
          ]
        : [cell(`${total.label} : ${total.value}`, { ...style, span: width })],
    });
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...body, ...totals] });
}
