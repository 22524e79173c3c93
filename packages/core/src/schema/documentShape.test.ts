import { describe, expect, it } from 'vitest';
import { documentSchema } from './documentContent.js';
import { DOCUMENT_FIELD } from './editorExtensions.js';
import { documentShape } from './documentShape.js';

/** What the Yjs form of the shared ProseMirror schema may hold, derived the long way. */
function shapeOfSchema() {
  const schema = documentSchema();
  const elements: Record<string, string[]> = {};
  const leaves: string[] = [];
  for (const [name, type] of Object.entries(schema.nodes)) {
    // The doc is the fragment itself, and text lives in Y.XmlText: neither is an element.
    if (type === schema.topNodeType || type.isText) continue;
    elements[name] = Object.keys(type.spec.attrs ?? {}).sort();
    if (type.isLeaf) leaves.push(name);
  }
  return { field: DOCUMENT_FIELD, elements, marks: Object.keys(schema.marks).sort(), leaves: leaves.sort() };
}

describe('documentShape', () => {
  it('is exactly the shape of the editor schema (change both together)', () => {
    const shape = documentShape();
    expect({
      field: shape.field,
      elements: Object.fromEntries([...shape.elements].map(([name, attributes]) => [name, [...attributes].sort()])),
      marks: [...shape.marks].sort(),
      leaves: [...shape.leaves].sort(),
    }).toEqual(shapeOfSchema());
  });
});
