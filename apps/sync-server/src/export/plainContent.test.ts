import { yDocToProseMirrorJSON } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainContent } from './plainContent.js';

function bodyWith(build: (heading: Y.XmlElement) => void): Y.Doc {
  const doc = new Y.Doc();
  const heading = new Y.XmlElement('heading');
  doc.getXmlFragment('default').insert(0, [heading]);
  heading.setAttribute('level', 2 as unknown as string);
  heading.insert(0, [new Y.XmlText('Titre')]);
  build(heading);
  return doc;
}

describe('plainContent', () => {
  it('drops prototype keys, and what a `__proto__` attribute would make attributes inherit', () => {
    // Yjs' getAttributes() assigns `res['__proto__'] = value`: the attributes inherit the client's.
    const inherited = Object.create({ sectionId: 'injecté', polluted: 'oui' }) as Record<string, unknown>;
    inherited.level = 2;
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: inherited, content: [{ type: 'text', text: 'Titre' }] },
        // JSON.parse makes `__proto__` an own key, as a JSON body from elsewhere would.
        { type: 'paragraph', attrs: JSON.parse('{"__proto__": {"polluted": "oui"}, "constructor": "x", "prototype": "y", "align": "left"}') as Record<string, unknown> },
      ],
    };
    expect(inherited.polluted).toBe('oui');

    const plain = plainContent(json);
    const attrs = plain.content![0]!.attrs!;
    expect(attrs).toEqual({ level: 2 });
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(attrs.sectionId).toBeUndefined();
    expect(plain.content![0]!.content).toEqual([{ type: 'text', text: 'Titre' }]);
    expect(plain.content![1]!.attrs).toEqual({ align: 'left' });
    expect(Object.getPrototypeOf(plain.content![1]!.attrs)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gets no inherited attribute from the body reader either', () => {
    const doc = bodyWith((heading) => {
      heading.setAttribute('__proto__', { sectionId: 'injecté', polluted: 'oui' } as unknown as string);
      heading.setAttribute('constructor', 'x');
      heading.setAttribute('prototype', 'y');
    });
    const attrs = plainContent(yDocToProseMirrorJSON(doc)).content![0]!.attrs!;
    expect(attrs).toEqual({ level: 2 });
    expect(attrs.polluted).toBeUndefined();
    expect(attrs.sectionId).toBeUndefined();
  });

  it('drops a Y type or a sub-document stored as an attribute value instead of walking its internals', () => {
    const doc = bodyWith((heading) => {
      heading.setAttribute('sectionId', new Y.Map() as unknown as string);
      heading.setAttribute('kind', new Y.Doc() as unknown as string);
    });
    expect(plainContent(yDocToProseMirrorJSON(doc)).content![0]!.attrs).toEqual({ level: 2 });
  });

  it('keeps JSON attribute values (typed table columns) as they are', () => {
    const columns = [{ id: 'poste', label: 'Poste', type: 'text', required: true }];
    const doc = new Y.Doc();
    const table = new Y.XmlElement('typedTable');
    doc.getXmlFragment('default').insert(0, [table]);
    table.setAttribute('kind', 'budget');
    table.setAttribute('columns', columns as unknown as string);
    expect(plainContent(yDocToProseMirrorJSON(doc)).content![0]!.attrs).toEqual({ kind: 'budget', columns });
  });
});
