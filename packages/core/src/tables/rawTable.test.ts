import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tablePresets } from '../referential/tablePresets.js';
import { proseMirrorJSONToUpdate, type ProseMirrorJSON } from '../schema/documentContent.js';
import { yDocToProseMirrorJSON } from '../schema/readDocumentBody.js';
import { DOCUMENT_FIELD } from '../schema/editorExtensions.js';
import { templateToProseMirrorJSON } from '../schema/templateToProseMirrorJSON.js';
import { rawTableFromJSON, typedTablesOf } from './rawTableFromJSON.js';
import { rawTableFromYXml } from './rawTableFromYXml.js';
import { readTypedTable } from './readTypedTable.js';

const content = templateToProseMirrorJSON({
  id: 'budget',
  title: 'Budget',
  sections: [
    { id: 'intro', heading: 'Introduction' },
    {
      id: 'budget',
      heading: 'Budget',
      table: {
        ...tablePresets.budget,
        rows: [
          { poste: 'Salaires', nature: 'Charge', montant: '1\u202f234,56 €' },
          {},
          { poste: 'Don', nature: 'Produit', montant: 'beaucoup' },
        ],
      },
    },
  ],
});

function liveTable(): Y.XmlElement {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, proseMirrorJSONToUpdate(content));
  const table = doc.getXmlFragment(DOCUMENT_FIELD).toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'typedTable');
  return table as Y.XmlElement;
}

describe('reading a typed table', () => {
  it('reads ProseMirror JSON and a live Y.XmlElement the same way', () => {
    const [fromJSON] = typedTablesOf(content);
    const fromYjs = rawTableFromYXml(liveTable());
    expect(fromYjs).toEqual(fromJSON);
    expect(fromJSON).toMatchObject({ kind: 'budget', sectionId: 'budget' });
    expect(fromJSON!.columns.map((c) => c.id)).toEqual(['poste', 'nature', 'categorie', 'montant', 'source']);
    expect(fromJSON!.rows[0]).toEqual({ poste: 'Salaires', nature: 'Charge', categorie: '', montant: '1\u202f234,56 €', source: '' });
  });

  it('keeps empty rows in place and lists invalid cells by row and column', () => {
    const table = readTypedTable(rawTableFromYXml(liveTable()));
    expect(table.rows.map((r) => r.empty)).toEqual([false, true, false]);
    expect(table.rows[0]!.cells.montant).toMatchObject({ value: 1234.56 });
    expect(table.errors).toEqual([
      { row: 2, column: 'montant', raw: 'beaucoup', message: 'Montant illisible : « beaucoup ». Écrivez par exemple 1 234,56 €.' },
    ]);
  });

  it('sees a cell edited in the Y.Doc', () => {
    const element = liveTable();
    const row = element.get(1) as Y.XmlElement;
    const cell = (row.toArray() as Y.XmlElement[]).find((c) => c.getAttribute('column') === 'montant')!;
    const text = new Y.XmlText();
    cell.insert(0, [text]);
    text.insert(0, '300');
    expect(rawTableFromYXml(element).rows[1]!.montant).toBe('300');
    expect(rawTableFromJSON(yDocToProseMirrorJSON(element.doc!).content!.find((n) => n.type === 'typedTable')!).rows[1]!.montant).toBe('300');
  });

  it('reads columns stored as JSON text and tolerates damaged attributes', () => {
    const node: ProseMirrorJSON = {
      type: 'typedTable',
      attrs: { kind: 'custom', columns: JSON.stringify([{ id: 'a', label: 'A', type: 'eur' }]), sectionId: '' },
      content: [{ type: 'typedTableRow', content: [{ type: 'typedTableCell', attrs: { column: 'a' }, content: [{ type: 'text', text: '5' }] }] }],
    };
    expect(rawTableFromJSON(node)).toEqual({ kind: 'custom', columns: [{ id: 'a', label: 'A', type: 'eur' }], sectionId: null, rows: [{ a: '5' }] });
    expect(rawTableFromJSON({ ...node, attrs: { columns: '{broken' } }).columns).toEqual([]);
  });
});
