import type { z } from 'zod';
import type { templateSchema } from '../referential/manifestSchema.js';
import type { ProseMirrorJSON } from './documentContent.js';
import type { TypedTableColumn } from './typedTable.js';

/** A template as validated or as written in a plugin (defaults may be missing). */
export type TemplateLike = z.input<typeof templateSchema>;

function cell(column: string, value: string | undefined): ProseMirrorJSON {
  const node: ProseMirrorJSON = { type: 'typedTableCell', attrs: { column } };
  if (value) node.content = [{ type: 'text', text: value }];
  return node;
}

/**
 * The initial content of a document created from a template: for each section a heading that
 * keeps the section id and an empty paragraph, plus its typed table if it has one. The title is
 * document metadata and the writing prompts are shown by the UI from the manifest, so neither
 * becomes document text.
 */
export function templateToProseMirrorJSON(template: TemplateLike): ProseMirrorJSON {
  const content: ProseMirrorJSON[] = [];
  for (const section of template.sections) {
    content.push({
      type: 'heading',
      attrs: { level: section.level ?? 2, sectionId: section.id },
      content: [{ type: 'text', text: section.heading }],
    });
    content.push({ type: 'paragraph' });
    const table = section.table;
    if (!table) continue;
    const columns: TypedTableColumn[] = table.columns.map((column) => ({
      id: column.id,
      label: column.label,
      type: column.type,
      ...(column.enum ? { enum: [...column.enum] } : {}),
      required: column.required ?? false,
    }));
    // A table needs at least one row; an empty one invites the first entry.
    const rows = table.rows && table.rows.length > 0 ? table.rows : [{}];
    content.push({
      type: 'typedTable',
      attrs: { kind: table.kind ?? 'custom', columns, sectionId: section.id },
      content: rows.map((row) => ({
        type: 'typedTableRow',
        content: columns.map((column) => cell(column.id, row[column.id])),
      })),
    });
    // Lets the author keep writing below the table.
    content.push({ type: 'paragraph' });
  }
  return { type: 'doc', content };
}
