import { readThreads, resolveAnchor, reviewRoomOf } from '@canevas/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, anchorFor, newClient, newServer, newTrpcClient, waitFor, type TestClient, type TestServer } from '../helpers/index.js';

// Version history (issue 16): versions taken on idle, by name and at submission; restore as a
// forward change that every stock client converges to; refused to tutors and viewers; anchors.

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

function track(client: TestClient): TestClient {
  clients.push(client);
  return client;
}

const body = (doc: Y.Doc) => doc.getXmlFragment('default').toString();

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
}

const paragraphText = (doc: Y.Doc, index: number) => (doc.getXmlFragment('default').get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** The Ctrl+A slip of issue 16: everything replaced by what was typed next. */
function replaceEverything(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment('default');
    fragment.delete(0, fragment.length);
    appendParagraph(doc, text);
  });
}

/**
 * Waits until the server has stored everything `client` wrote (its own clock is in the stored
 * state). `pendingUpdates === 0` is no such condition: it holds before the edit has even arrived.
 */
async function stored(server: TestServer, id: string, client: TestClient): Promise<void> {
  const wanted = Y.decodeStateVector(Y.encodeStateVector(client.doc)).get(client.doc.clientID) ?? 0;
  await waitFor(async () => {
    const row = await server.store.loadDocument(id);
    const doc = new Y.Doc();
    if (row?.snapshot) Y.applyUpdate(doc, row.snapshot);
    for (const update of row?.updates ?? []) Y.applyUpdate(doc, update.update);
    return (Y.decodeStateVector(Y.encodeStateVector(doc)).get(client.doc.clientID) ?? 0) >= wanted;
  });
}

async function documentWithEditor(options: { idleMs?: number } = {}) {
  server = await newServer({ versionCapture: { idleMs: options.idleMs ?? 60 * 60_000 } });
  const api = newTrpcClient(server.url);
  const { id } = await api.documents.create.mutate({ title: 'Plan de communication' });
  const editor = await addMember(server.accounts, server.admin.workspaceId, 'editor', 'Awa');
  return { server, api, id, editor, editorApi: newTrpcClient(server.url, { token: editor.token }) };
}

describe('versions kept', () => {
  it('takes a version once an editing burst goes idle, naming everyone who edited in it', async () => {
    // Both edits are sent at once, so that they fall in one burst however slow the machine: the
    // idle delay only has to outlast the gap between their arrivals.
    const { server, api, id, editor } = await documentWithEditor({ idleMs: 2000 });
    const admin = track(newClient(server.syncUrl, id));
    const awa = track(newClient(server.syncUrl, id, { token: editor.token }));
    await Promise.all([admin.synced, awa.synced]);
    appendParagraph(admin.doc, 'Objectifs : informer les habitants.');
    appendParagraph(awa.doc, 'Cibles : les entreprises du territoire.');

    await waitFor(async () => (await api.versions.list.query({ documentId: id })).length === 1);
    const [version] = await api.versions.list.query({ documentId: id });
    expect(version).toMatchObject({ kind: 'auto', name: null, createdBy: null });
    expect(version!.editors.map((person) => person.name).sort()).toEqual(['Administratrice', 'Awa']);
    const { content } = await api.versions.get.query({ documentId: id, id: version!.id });
    expect(JSON.stringify(content)).toContain('Cibles : les entreprises du territoire.');
  });

  it('names a version on demand and keeps one at every submission; a tutor reads the history but names none', async () => {
    const { server, api, id } = await documentWithEditor();
    const admin = track(newClient(server.syncUrl, id));
    await admin.synced;
    appendParagraph(admin.doc, 'Phase 1 : diagnostic territorial.');
    await stored(server, id, admin);

    const named = await api.versions.create.mutate({ documentId: id, name: '  Avant le comité  ' });
    expect(named).toMatchObject({ kind: 'named', name: 'Avant le comité', createdBy: { name: 'Administratrice' }, editors: [{ name: 'Administratrice' }] });
    appendParagraph(admin.doc, 'Phase 2 : actions.');
    await stored(server, id, admin);
    await api.submissions.create.mutate({ documentId: id, name: 'Dépôt pour la tutrice' });

    const tutor = await addMember(server.accounts, server.admin.workspaceId, 'tutor', 'Inès');
    const tutorApi = newTrpcClient(server.url, { token: tutor.token });
    const listed = await tutorApi.versions.list.query({ documentId: id });
    expect(listed.map((version) => [version.kind, version.name])).toEqual([
      ['submission', 'Dépôt pour la tutrice'],
      ['named', 'Avant le comité'],
    ]);
    const first = await tutorApi.versions.get.query({ documentId: id, id: named.id });
    expect(JSON.stringify(first.content)).toContain('Phase 1');
    expect(JSON.stringify(first.content)).not.toContain('Phase 2');
    await expect(tutorApi.versions.create.mutate({ documentId: id, name: 'Pas à moi' })).rejects.toThrow('Votre rôle ne permet pas de modifier ce document.');
    // A version of another document is not found through this one.
    const other = await api.documents.create.mutate({ title: 'Autre' });
    await expect(api.versions.get.query({ documentId: other.id, id: named.id })).rejects.toThrow('Version introuvable.');
  });
});

describe('restore', () => {
  it('two stock clients connected and typing converge to the version restored by a third, then keep their later edits', async () => {
    const { server, api, id, editor, editorApi } = await documentWithEditor();
    const first = track(newClient(server.syncUrl, id));
    const second = track(newClient(server.syncUrl, id, { token: editor.token }));
    await Promise.all([first.synced, second.synced]);
    appendParagraph(first.doc, 'Objectifs : informer les habitants.');
    appendParagraph(first.doc, 'Budget : 1 200 €.');
    await waitFor(() => body(second.doc) === body(first.doc));
    const version = await api.versions.create.mutate({ documentId: id, name: 'Plan validé' });
    const expected = body(first.doc);

    replaceEverything(second.doc, 'oups');
    await waitFor(() => body(first.doc) === body(second.doc));
    // Both keep typing while the restore runs, in a paragraph the restore removes.
    let typing = true;
    const typists = [first, second].map(async (client, n) => {
      for (let i = 0; typing && i < 500; i++) {
        const text = paragraphText(client.doc, 0);
        if (text) text.insert(text.length, String(n));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    const restoring = await addMember(server.accounts, server.admin.workspaceId, 'editor', 'Karim');
    const outcome = await newTrpcClient(server.url, { token: restoring.token }).versions.restore.mutate({ documentId: id, versionId: version.id });
    typing = false;
    await Promise.all(typists);

    expect(outcome.before).toMatchObject({ kind: 'auto', createdBy: null });
    expect(outcome.after).toMatchObject({ kind: 'restore', restoredFrom: version.id, createdBy: { name: 'Karim' } });
    // The restoring account edited, as did the typists whose keystrokes crossed it.
    expect(outcome.after!.editors.map((person) => person.name)).toContain('Karim');
    await waitFor(() => body(first.doc) === body(second.doc) && server.stats().pendingUpdates === 0, { message: () => `${body(first.doc)}\n${body(second.doc)}` });
    // The version, plus what the typists appended (their digits) once the restore reached them;
    // what they typed into « oups » before went with it.
    const restored = body(first.doc);
    expect(restored.replace(/[01]+<\/paragraph>/g, '</paragraph>'), restored).toBe(expected);

    // Edits after the restore reach everyone on top of it.
    appendParagraph(second.doc, 'Calendrier : juin.');
    await waitFor(() => body(first.doc).includes('Calendrier : juin.'));
    expect(body(first.doc)).toBe(body(second.doc));
    // Undoing the restore is restoring the version taken before it.
    await editorApi.versions.restore.mutate({ documentId: id, versionId: outcome.before!.id });
    await waitFor(() => !body(first.doc).includes('Budget') && body(first.doc) === body(second.doc));
    expect(body(first.doc)).toContain('oups');
    const kinds = (await api.versions.list.query({ documentId: id })).map((entry) => entry.kind);
    expect(kinds).toEqual(['restore', 'auto', 'restore', 'auto', 'named']);
  });

  it('a restore with nobody connected is stored, and what connects next reads the version', async () => {
    const { server, api, id } = await documentWithEditor();
    const writer = track(newClient(server.syncUrl, id));
    await writer.synced;
    appendParagraph(writer.doc, 'Situation 1 : accueil du public.');
    await stored(server, id, writer);
    const version = await api.versions.create.mutate({ documentId: id, name: 'v1' });
    replaceEverything(writer.doc, '');
    await stored(server, id, writer);
    writer.destroy();
    await waitFor(() => server.stats().documents === 0);

    await api.versions.restore.mutate({ documentId: id, versionId: version.id });
    const reader = track(newClient(server.syncUrl, id));
    await reader.synced;
    await waitFor(() => body(reader.doc).includes('Situation 1 : accueil du public.'));
  });

  it('refuses tutors and viewers, on the server, and changes nothing', async () => {
    const { server, api, id } = await documentWithEditor();
    const writer = track(newClient(server.syncUrl, id));
    await writer.synced;
    appendParagraph(writer.doc, 'Texte validé.');
    await stored(server, id, writer);
    const version = await api.versions.create.mutate({ documentId: id, name: 'v1' });
    appendParagraph(writer.doc, 'Texte ajouté ensuite.');
    await stored(server, id, writer);
    for (const role of ['tutor', 'viewer'] as const) {
      const member = await addMember(server.accounts, server.admin.workspaceId, role, role);
      await expect(newTrpcClient(server.url, { token: member.token }).versions.restore.mutate({ documentId: id, versionId: version.id })).rejects.toThrow(
        'Votre rôle ne permet pas de modifier ce document.',
      );
    }
    const missing = await newTrpcClient(server.url).versions.restore.mutate({ documentId: id, versionId: 'absent' }).catch((error: Error) => error.message);
    expect(missing).toBe('Version introuvable.');
    expect(body(writer.doc)).toContain('Texte ajouté ensuite.');
    expect((await api.versions.list.query({ documentId: id })).map((entry) => entry.kind)).toEqual(['named']);
  });

  it('anchors into restored text attach again, anchors into removed text become détaché, none is dropped', async () => {
    const { server, api, id } = await documentWithEditor();
    const writer = track(newClient(server.syncUrl, id));
    const review = track(newClient(server.syncUrl, reviewRoomOf(id)));
    await Promise.all([writer.synced, review.synced]);
    appendParagraph(writer.doc, 'Objectifs : informer les habitants du quartier.');
    appendParagraph(writer.doc, 'Budget : 1 200 €.');
    await stored(server, id, writer);
    const version = await api.versions.create.mutate({ documentId: id, name: 'Avant' });
    // A comment on text the restore keeps, one on text it will bring back, one on text it removes.
    await api.comments.create.mutate({ documentId: id, anchor: anchorFor(writer.doc, 'Budget'), body: 'Chiffré ?' });
    await api.comments.create.mutate({ documentId: id, anchor: anchorFor(writer.doc, 'informer les habitants'), body: 'Lesquels ?' });
    (writer.doc.getXmlFragment('default').get(0) as Y.XmlElement).delete(0, 1);
    appendParagraph(writer.doc, 'Paragraphe ajouté après la version.');
    await stored(server, id, writer);
    await api.comments.create.mutate({ documentId: id, anchor: anchorFor(writer.doc, 'ajouté après'), body: 'À garder ?' });
    await waitFor(() => readThreads(review.doc).length === 3);
    const statusOf = () =>
      Object.fromEntries(readThreads(review.doc).map((thread) => [thread.comments[0]!.body, resolveAnchor(writer.doc, thread.anchor!).status]));
    expect(statusOf()).toEqual({ 'Chiffré ?': 'attached', 'Lesquels ?': 'detached', 'À garder ?': 'attached' });

    const outcome = await api.versions.restore.mutate({ documentId: id, versionId: version.id });
    expect(outcome.reattached).toBe(1);
    await waitFor(() => !body(writer.doc).includes('ajouté après') && statusOf()['Lesquels ?'] === 'attached');
    expect(statusOf()).toEqual({ 'Chiffré ?': 'attached', 'Lesquels ?': 'attached', 'À garder ?': 'detached' });
    const thread = readThreads(review.doc).find((entry) => entry.comments[0]!.body === 'Lesquels ?')!;
    expect(resolveAnchor(writer.doc, thread.anchor!)).toMatchObject({ text: 'informer les habitants' });
  });
});
