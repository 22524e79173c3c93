import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FIELD, editorExtensions } from './editorExtensions.js';

/** ProseMirror JSON, as TipTap's `editor.getJSON()` returns it. */
export interface ProseMirrorJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorJSON[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

let cachedSchema: Schema | undefined;

/** The ProseMirror schema built from {@link editorExtensions}. */
export function documentSchema(): Schema {
  cachedSchema ??= getSchema(editorExtensions());
  return cachedSchema;
}

/** Encodes ProseMirror JSON as a Yjs update of a fresh document (server-side creation). */
export function proseMirrorJSONToUpdate(json: ProseMirrorJSON): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(documentSchema(), json, DOCUMENT_FIELD);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

