import { tablePresets, templateToProseMirrorJSON } from '@canevas/core';
import { documentSchema } from '@canevas/core/editor';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { clearAcrossCells } from './typedTableCommands.js';
import { breaksTableRows, typedTableGuard } from './typedTableGuard.js';

const schema = documentSchema();
const doc = schema.nodeFromJSON(
  templateToProseMirrorJSON({
    id: 't',
    title: 'T',
    sections: [
      {
        id: 'budget',
        heading: 'Budget',
        table: { ...tablePresets.budget, rows: [{ poste: 'Salaires', nature: 'Charge', montant: '100' }, { poste: 'Don', nature: 'Produit', montant: '50' }] },
      },
    ],
  }),
);

/** Position of the text start of a cell (row, column index). */
function cellText(row: number, column: number): number {
  let tablePos = -1;
  doc.forEach((node, offset) => {
    if (node.type.name === 'typedTable') tablePos = offset;
  });
  const table = doc.nodeAt(tablePos)!;
  let pos = tablePos + 1;
  for (let r = 0; r < row; r++) pos += table.child(r).nodeSize;
  pos += 1;
  for (let c = 0; c < column; c++) pos += table.child(row).child(c).nodeSize;
  return pos + 1;
}

const cells = (state: EditorState) => {
  const rows: string[][] = [];
  state.doc.descendants((node) => {
    if (node.type.name === 'typedTableRow') {
      const row: string[] = [];
      node.forEach((cell) => row.push(`${String(cell.attrs.column)}=${cell.textContent}`));
      rows.push(row);
      return false;
    }
    return true;
  });
  return rows;
};

describe('typed table guard', () => {
  const state = EditorState.create({ doc, plugins: [typedTableGuard()] });

  it('refuses a local deletion that merges two cells of a row', () => {
    const tr = state.tr.delete(cellText(0, 0) + 3, cellText(0, 1) + 2);
    expect(breaksTableRows(tr)).toBe(true);
    expect(state.applyTransaction(tr).state.doc.eq(doc)).toBe(true);
  });

  it('lets through typing in a cell, new rows and whole-row deletions', () => {
    expect(breaksTableRows(state.tr.insertText('!', cellText(0, 0)))).toBe(false);
    const row = doc.nodeAt(cellText(1, 0) - 2)!;
    expect(row.type.name).toBe('typedTableRow');
    expect(breaksTableRows(state.tr.delete(cellText(1, 0) - 2, cellText(1, 0) - 2 + row.nodeSize))).toBe(false);
    expect(breaksTableRows(state.tr.insert(cellText(1, 0) - 2, row.copy(row.content)))).toBe(false);
  });

  it('never filters changes that come from other clients', () => {
    const tr = state.tr.delete(cellText(0, 0) + 3, cellText(0, 1) + 2).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(state.applyTransaction(tr).state.doc.eq(doc)).toBe(false);
  });
});

describe('clearAcrossCells', () => {
  it('clears the selected text of each cell and keeps every cell', () => {
    let state = EditorState.create({ doc, selection: TextSelection.create(doc, cellText(0, 0) + 3, cellText(0, 1) + 2) });
    const handled = clearAcrossCells(state, (tr: Transaction) => {
      state = state.apply(tr);
    });
    expect(handled).toBe(true);
    expect(cells(state)[0]).toEqual(['poste=Sal', 'nature=arge', 'categorie=', 'montant=100', 'source=']);
  });

  it('leaves a selection inside one cell to the default behaviour', () => {
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, cellText(0, 0), cellText(0, 0) + 3) });
    expect(clearAcrossCells(state, () => undefined)).toBe(false);
  });
});
