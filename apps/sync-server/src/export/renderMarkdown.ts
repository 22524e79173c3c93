import type { Block, ExportBook, ExportTable, Inline } from './ExportBook.js';

/**
 * CommonMark with GitHub tables. Every character that Markdown would read as markup or raw HTML
 * is backslash-escaped, so a text such as `<script>` or `[x](javascript:…)` typed in a document
 * stays text in every Markdown viewer.
 */
export function renderMarkdown(book: ExportBook): string {
  const parts = [`# ${inlineText(book.title)}`];
  if (book.subtitle) parts.push(`*${inlineText(book.subtitle)}*`);
  for (const block of book.blocks) {
    const rendered = renderBlock(block);
    if (rendered !== '') parts.push(rendered);
  }
  return `${parts.join('\n\n')}\n`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      // The title is the only level-1 heading, as Word's Title style sits above Heading 1.
      return `${'#'.repeat(Math.min(6, block.level + 1))} ${renderInlines(block.inlines.map((inline) => (inline.kind === 'break' ? { kind: 'text', text: ' ', marks: {} } : inline)))}`;
    case 'paragraph':
      return renderInlines(block.inlines);
    case 'list':
      return renderList(block);
    case 'quote':
      return block.blocks
        .map(renderBlock)
        .filter((part) => part !== '')
        .join('\n\n')
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'code': {
      const fence = '`'.repeat(Math.max(3, longestRun(block.text, '`') + 1));
      return `${fence}\n${block.text}\n${fence}`;
    }
    case 'rule':
      return '---';
    case 'pageBreak':
      return '';
    case 'table':
      return renderTable(block.table);
  }
}

function renderList(block: Extract<Block, { kind: 'list' }>): string {
  return block.items
    .map((item, index) => {
      const marker = block.ordered ? `${block.start + index}.` : '-';
      const indent = ' '.repeat(marker.length + 1);
      // A nested list follows its paragraph directly, which keeps the list tight.
      let body = '';
      for (const child of item) {
        const rendered = renderBlock(child);
        if (rendered === '') continue;
        body += body === '' ? rendered : `${child.kind === 'list' ? '\n' : '\n\n'}${rendered}`;
      }
      const lines = body.split('\n');
      return lines.map((line, lineIndex) => (lineIndex === 0 ? `${marker} ${line}` : line === '' ? '' : `${indent}${line}`)).join('\n');
    })
    .join('\n');
}

function renderTable(table: ExportTable): string {
  const width = table.columns.length;
  if (width === 0) return '';
  const row = (cells: string[]) => `| ${cells.map(cellText).join(' | ')} |`;
  const strong = (value: string) => `**${cellText(value)}**`;
  const lines = [
    row(table.columns.map((column) => column.label)),
    `| ${table.columns.map((column) => (column.numeric ? '---:' : '---')).join(' | ')} |`,
    ...table.rows.map(row),
  ];
  for (const total of table.totals) {
    const cells = new Array<string>(width).fill('');
    const value = total.warning ? `${total.value} ⚠` : total.value;
    if (table.totalsColumn > 0) {
      cells[0] = strong(total.label);
      cells[table.totalsColumn] = strong(value);
    } else {
      cells[0] = strong(`${total.label} : ${value}`);
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const notes = table.notes.map((note) => `*${inlineText(note)}*`);
  return [lines.join('\n'), ...notes].join('\n\n');
}

function cellText(value: string): string {
  // inlineText already turns `|` into `\|`, the escape GitHub tables expect.
  return inlineText(value.replace(/\s*\n\s*/g, ' '));
}

function renderInlines(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      out += '\\\n';
      continue;
    }
    out += renderTextRun(inline);
  }
  return escapeLineStarts(out);
}

function renderTextRun(run: Extract<Inline, { kind: 'text' }>): string {
  if (run.text === '') return '';
  // Delimiters must touch non-space characters to count: keep the spaces outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
  if (core === '') return run.text;
  let body = run.marks.code ? codeSpan(core) : inlineText(core);
  if (run.marks.strike) body = `~~${body}~~`;
  if (run.marks.italic) body = `*${body}*`;
  if (run.marks.bold) body = `**${body}**`;
  // Underline has no Markdown form; it stays plain text rather than raw HTML.
  if (run.href) body = `[${body}](<${run.href.replace(/[<>\\\s]/g, encodeURIComponent)}>)`;
  return `${lead}${body}${trail}`;
}

function codeSpan(value: string): string {
  const fence = '`'.repeat(longestRun(value, '`') + 1);
  const padded = value.startsWith('`') || value.endsWith('`') ? ` ${value} ` : value;
  return `${fence}${padded}${fence}`;
}

/** Escapes markup characters; line-start markers are handled once lines are known. */
function inlineText(value: string): string {
  return value.replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`);
}

/** `# `, `- `, `+ `, `1. `, `> `, `=`… at the start of a line would start a block. */
function escapeLineStarts(value: string): string {
  return value
    .split('\n')
    // Leading spaces would turn a line into a code block; Markdown drops them anyway.
    .map((line) => line.replace(/^\s+/, '').replace(/^([#+\-=]|\d+[.)])/, (marker: string) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`))
    .join('\n');
}

function longestRun(value: string, character: string): number {
  let longest = 0;
  let current = 0;
  for (const c of value) {
    current = c === character ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
