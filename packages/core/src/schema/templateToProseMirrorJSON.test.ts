import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { manifestSchema } from '../referential/manifestSchema.js';
import { sampleManifest } from '../testing/sampleManifest.js';
import { documentSchema, proseMirrorJSONToUpdate } from './documentContent.js';
import { yDocToProseMirrorJSON } from './readDocumentBody.js';
import { templateToProseMirrorJSON } from './templateToProseMirrorJSON.js';

const manifest = manifestSchema.parse(sampleManifest);

describe('templateToProseMirrorJSON', () => {
  it.each(manifest.templates.map((t) => [t.id, t] as const))('builds a valid document from « %s »', (_id, template) => {
    const json = templateToProseMirrorJSON(template);
    const node = documentSchema().nodeFromJSON(json);
    expect(() => node.check()).not.toThrow();

    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, proseMirrorJSONToUpdate(json));
    expect(documentSchema().nodeFromJSON(yDocToProseMirrorJSON(ydoc)).eq(node)).toBe(true);
  });

  it('keeps section ids on headings and leaves prompts out of the text', () => {
    const json = templateToProseMirrorJSON(manifest.templates[0]!);
    const headings = json.content!.filter((n) => n.type === 'heading');
    expect(headings.map((h) => h.attrs?.sectionId)).toEqual(['diagnostic', 'partenaires']);
    expect(JSON.stringify(json)).not.toContain('Décrivez le territoire');
  });

  it('builds typed tables with the template columns and initial rows', () => {
    const budget = manifest.templates.find((t) => t.id === 'budget')!;
    const table = templateToProseMirrorJSON(budget).content!.find((n) => n.type === 'typedTable')!;
    expect(table.attrs?.kind).toBe('budget');
    expect(table.attrs?.sectionId).toBe('budget');
    expect((table.attrs?.columns as { id: string }[]).map((c) => c.id)).toEqual(['poste', 'nature', 'categorie', 'montant', 'source']);
    const firstRow = table.content![0]!;
    expect(firstRow.content!.map((c) => c.attrs?.column)).toEqual(['poste', 'nature', 'categorie', 'montant', 'source']);
    expect(firstRow.content![0]!.content![0]!.text).toBe('Salaires');
  });

  it('keeps the columns and cells of a typed table through Yjs, one element per cell', () => {
    const plan = manifest.templates.find((t) => t.id === 'plan-actions')!;
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, proseMirrorJSONToUpdate(templateToProseMirrorJSON(plan)));
    const table = ydoc.getXmlFragment('default').toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'typedTable') as Y.XmlElement;
    const row = table.get(0) as Y.XmlElement;
    expect(row.length).toBe(7);
    expect((row.get(0) as Y.XmlElement).nodeName).toBe('typedTableCell');
    expect(yDocToProseMirrorJSON(ydoc).content!.find((n) => n.type === 'typedTable')!.attrs?.columns).toHaveLength(7);
  });
});
