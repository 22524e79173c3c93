import { templateToProseMirrorJSON, type ProseMirrorJSON, type TemplateLike } from '@canevas/core';

export interface TemplateFilling {
  /** Paragraphs written under each section, by section id. */
  text?: Record<string, readonly string[]>;
  /** Rows of each section's typed table (column id → text), by section id. */
  rows?: Record<string, readonly Record<string, string>[]>;
}

const paragraph = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/**
 * A document created from a template, then written in: each section's empty paragraph becomes
 * the given text, each typed table gets the given rows. Unfilled sections stay empty, as a real
 * draft would, so the completeness panel has something to say.
 */
export function fillTemplate(template: TemplateLike, filling: TemplateFilling): ProseMirrorJSON {
  const blank = templateToProseMirrorJSON(template);
  const content: ProseMirrorJSON[] = [];
  let section: string | undefined;
  let awaitingText = false;
  for (const node of blank.content ?? []) {
    if (node.type === 'heading') {
      section = node.attrs?.sectionId as string | undefined;
      awaitingText = true;
      content.push(node);
      continue;
    }
    const paragraphs = section === undefined ? undefined : filling.text?.[section];
    const rows = section === undefined ? undefined : filling.rows?.[section];
    if (node.type === 'paragraph' && awaitingText && paragraphs?.length) {
      content.push(...paragraphs.map(paragraph));
    } else if (node.type === 'typedTable' && rows) {
      content.push(withRows(node, rows));
    } else {
      content.push(node);
    }
    awaitingText = false;
  }
  return { ...blank, content };
}

function withRows(table: ProseMirrorJSON, rows: readonly Record<string, string>[]): ProseMirrorJSON {
  const columns = (table.attrs?.columns as { id: string }[] | undefined) ?? [];
  return {
    ...table,
    content: rows.map((row) => ({
      type: 'typedTableRow',
      content: columns.map((column) => {
        const value = row[column.id];
        return { type: 'typedTableCell', attrs: { column: column.id }, ...(value ? { content: [{ type: 'text', text: value }] } : {}) };
      }),
    })),
  };
}
