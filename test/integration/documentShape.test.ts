import { DOCUMENT_FIELD, documentShape } from '@canevas/core';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newClient, newRawClient, newServer, newTrpcClient, waitFor, type TestClient, type TestServer } from '../helpers/index.js';

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

/** The real default: only the body, checked against the schema (no test roots). */
async function shapeServer(options: { maxDocumentBytes?: number } = {}): Promise<TestServer> {
  server = await newServer({ extraContentRoots: [], ...options });
  return server;
}

function editor(target: TestServer, id: string, params?: Record<string, string>): TestClient {
  const client = newClient(target.syncUrl, id, params ? { params } : {});
  clients.push(client);
  return client;
}

/** Appends a paragraph holding `text` to a client's body. */
function writeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment(DOCUMENT_FIELD);
  body.insert(body.length, [paragraph]);
}

/** The document as stored: snapshot, then log. */
async function storedDoc(target: TestServer, id: string): Promise<Y.Doc> {
  const stored = (await target.store.loadDocument(id))!;
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

function bodyText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(DOCUMENT_FIELD)
    .toArray()
    .map((child) => (child instanceof Y.XmlElement ? child.toArray().map(String).join('') : ''))
    .join('\n');
}

/** Updates an attacker with edit rights can write by hand, each one made by a fresh client. */
const hostileUpdates: [string, (doc: Y.Doc) => void][] = [
  ['the body typed as Y.Array', (doc) => doc.getArray(DOCUMENT_FIELD).insert(0, [1])],
  ['the body typed as Y.Text', (doc) => doc.getText(DOCUMENT_FIELD).insert(0, 'x')],
  ['another root', (doc) => doc.getMap('cache').set('x', 'caché')],
  ['an unknown element', (doc) => doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('script')])],
  [
    'an unknown mark',
    (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText()]);
      (paragraph.get(0) as Y.XmlText).insert(0, 'clignotant', { blink: {} });
    },
  ],
  [
    '3,000 nested blockquotes',
    (doc) => {
      let level: Y.XmlFragment = doc.getXmlFragment(DOCUMENT_FIELD);
      for (let i = 0; i < 3000; i++) {
        const blockquote = new Y.XmlElement('blockquote');
        level.insert(0, [blockquote]);
        level = blockquote;
      }
    },
  ],
];

describe('document shape: updates the schema cannot read are refused before they are stored', () => {
  it.each(hostileUpdates)('closes with 4400 a raw client sending %s; nothing is stored or relayed, others keep editing', async (_label, write) => {
    const target = await shapeServer();
    const { id } = await newTrpcClient(target.url).documents.create.mutate({ title: 'Cible' });
    const alice = editor(target, id);
    await alice.synced;
    writeParagraph(alice.doc, 'Avant.');

    const forged = new Y.Doc();
    write(forged);
    const raw = newRawClient(`${target.syncUrl}/${id}`);
    await raw.opened;
    raw.sendSyncStep1();
    raw.sendUpdate(Y.encodeStateAsUpdate(forged));
    expect((await raw.closed).code).toBe(4400);

    writeParagraph(alice.doc, 'Après.');
    const bob = editor(target, id);
    await bob.synced;
    await waitFor(() => bodyText(bob.doc) === 'Avant.\nAprès.');
    // Neither relayed to anyone nor stored, even after a restart of the room.
    expect(bob.doc.store.clients.has(forged.clientID)).toBe(false);
    expect(alice.doc.store.clients.has(forged.clientID)).toBe(false);
    await waitFor(async () => bodyText(await storedDoc(target, id)) === 'Avant.\nAprès.');
    expect((await storedDoc(target, id)).store.clients.has(forged.clientID)).toBe(false);
    expect(target.logs.entries.some((entry) => entry.event === 'sync.update_refused')).toBe(true);
  });

  it('refuses the same update sent by a stock y-websocket client, which stops reconnecting', async () => {
    const target = await shapeServer();
    const { id } = await newTrpcClient(target.url).documents.create.mutate({ title: 'Client ordinaire' });
    const mallory = editor(target, id);
    await mallory.synced;
    mallory.doc.getArray(DOCUMENT_FIELD).insert(0, [1, 2, 3]);
    expect((await mallory.closed).code).toBe(4400);
    expect((await storedDoc(target, id)).store.clients.has(mallory.doc.clientID)).toBe(false);
  });
});

describe('document size quota', () => {
  const maxDocumentBytes = 64 * 1024;

  it('refuses an update past the quota before storing it, tells an ack=1 editor why in a type-101 message, and keeps what was stored', async () => {
    const target = await shapeServer({ maxDocumentBytes });
    const { id } = await newTrpcClient(target.url).documents.create.mutate({ title: 'Gros document' });
    const alice = editor(target, id);
    await alice.synced;
    writeParagraph(alice.doc, 'Déjà enregistré.');
    await waitFor(async () => bodyText(await storedDoc(target, id)) === 'Déjà enregistré.');

    // The web app's connection: it asks for storage statuses.
    const raw = newRawClient(`${target.syncUrl}/${id}?ack=1`);
    await raw.opened;
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(alice.doc));
    const before = Y.encodeStateVector(writer);
    writeParagraph(writer, 'x'.repeat(80 * 1024));
    raw.sendUpdate(Y.encodeStateAsUpdate(writer, before));
    const status = await raw.nextMessage((message) => message.type === 101);
    const payload = decoding.createDecoder(status.payload);
    expect(decoding.readVarUint(payload)).toBe(1);
    expect(decoding.readVarString(payload)).toBe('quota');
    decoding.readVarUint(payload);
    expect(decoding.readVarUint(payload)).toBe(maxDocumentBytes);

    // What builds on the refused update is refused too; the connection stays open.
    const next = Y.encodeStateVector(writer);
    writeParagraph(writer, 'suite');
    raw.sendUpdate(Y.encodeStateAsUpdate(writer, next));
    // A stock client, which cannot hear type 101, is closed with 4413 instead.
    const stock = editor(target, id);
    await stock.synced;
    writeParagraph(stock.doc, 'y'.repeat(80 * 1024));
    expect((await stock.closed).code).toBe(4413);

    // Others still edit within the quota; nothing stored is lost, nothing refused is stored.
    writeParagraph(alice.doc, 'Toujours possible.');
    await waitFor(async () => bodyText(await storedDoc(target, id)) === 'Déjà enregistré.\nToujours possible.');
    const stored = await storedDoc(target, id);
    expect(stored.store.clients.has(writer.clientID)).toBe(false);
    expect(stored.store.clients.has(stock.doc.clientID)).toBe(false);
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    raw.close();
  });
});

describe('readers of a document stored before shapes were checked', () => {
  /** Old data, written straight into the store as no client can write it any more. */
  function brokenContent(): Uint8Array {
    const doc = new Y.Doc();
    writeParagraph(doc, 'Texte lisible.');
    const body = doc.getXmlFragment(DOCUMENT_FIELD);
    body.insert(body.length, [new Y.XmlElement('script')]);
    body.insert(body.length, ['valeur brute' as unknown as Y.XmlText]);
    let level: Y.XmlFragment = body;
    for (let i = 0; i < 3000; i++) {
      const blockquote = new Y.XmlElement('blockquote');
      level.insert(0, [blockquote]);
      level = blockquote;
    }
    level.insert(0, [new Y.XmlText('Tout au fond.')]);
    expect(documentShape().elements.has('script')).toBe(false);
    return Y.encodeStateAsUpdate(doc);
  }

  it('exports it with a note instead of failing, and opens a submitted version of it', async () => {
    const target = await shapeServer();
    const api = newTrpcClient(target.url);
    const { id } = await api.documents.create.mutate({ title: 'Ancien document' });
    await target.store.appendUpdates([{ room: id, update: brokenContent() }]);

    for (const format of ['md', 'docx', 'pdf']) {
      const response = await fetch(`${target.url}/export/documents/${id}?format=${format}`, { headers: { authorization: `Bearer ${target.admin.token}` } });
      expect(response.status, format).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (format === 'md') {
        const markdown = new TextDecoder().decode(bytes);
        expect(markdown).toContain('Contenu illisible ignoré');
        expect(markdown).toContain('Texte lisible.');
        expect(markdown).toContain('Tout au fond.');
      }
    }

    const submission = await api.submissions.create.mutate({ documentId: id, name: 'Version du jury' });
    const opened = await api.submissions.get.query({ id: submission.id });
    expect(JSON.stringify(opened.content)).toContain('Contenu illisible ignoré');
    expect(JSON.stringify(opened.content)).toContain('Texte lisible.');
  });
});
