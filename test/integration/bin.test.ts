import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, newClient, newServer, newTrpcClient, waitFor, type TestClient, type TestServer } from '../helpers/index.js';

// The bin (« Corbeille », issue 16): a deleted document goes there, whole; owners restore it or
// empty the bin; what stays past the retention is purged.

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

const body = (doc: Y.Doc) => doc.getXmlFragment('default').toString();

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
}

it('an editor’s deletion goes to the bin; only owners see, restore and empty it; a restored document reads as before', async () => {
  server = await newServer();
  const owner = newTrpcClient(server.url);
  const workspaceId = server.admin.workspaceId;
  const editor = await addMember(server.accounts, workspaceId, 'editor', 'Awa');
  const editorApi = newTrpcClient(server.url, { token: editor.token });
  const { id } = await owner.documents.create.mutate({ title: 'Plan de communication' });
  const writer = newClient(server.syncUrl, id);
  clients.push(writer);
  await writer.synced;
  appendParagraph(writer.doc, 'Objectifs : informer les habitants.');
  const version = await owner.versions.create.mutate({ documentId: id, name: 'Avant' });

  // The last keystrokes before the deletion are kept too.
  appendParagraph(writer.doc, 'Dernière phrase.');
  await editorApi.documents.delete.mutate({ id });
  expect((await writer.closed).code).toBe(4410);
  await expect(owner.documents.get.query({ id })).rejects.toThrow('Document introuvable.');
  expect((await owner.documents.list.query()).map((document) => document.id)).not.toContain(id);

  await expect(editorApi.bin.list.query({ workspaceId })).rejects.toThrow('Seul un propriétaire de l’espace de travail peut faire cela.');
  await expect(editorApi.bin.restore.mutate({ id })).rejects.toThrow('Seul un propriétaire de l’espace de travail peut faire cela.');
  await expect(editorApi.bin.empty.mutate({ workspaceId })).rejects.toThrow('Seul un propriétaire de l’espace de travail peut faire cela.');
  const [entry] = await owner.bin.list.query({ workspaceId });
  expect(entry).toMatchObject({ id, title: 'Plan de communication', trashedBy: 'Awa' });
  expect(new Date(entry!.purgeAt).getTime() - new Date(entry!.trashedAt).getTime()).toBe(30 * 24 * 3600_000);

  await owner.bin.restore.mutate({ id });
  expect(await owner.bin.list.query({ workspaceId })).toEqual([]);
  const reader = newClient(server.syncUrl, id);
  clients.push(reader);
  await reader.synced;
  await waitFor(() => body(reader.doc).includes('Dernière phrase.'));
  expect((await owner.versions.list.query({ documentId: id })).map((entry) => entry.id)).toContain(version.id);

  // Emptied: gone for good.
  reader.destroy();
  await owner.documents.delete.mutate({ id });
  expect(await owner.bin.empty.mutate({ workspaceId })).toEqual({ deleted: 1 });
  await expect(owner.bin.restore.mutate({ id })).rejects.toThrow('Document introuvable dans la corbeille.');
  expect(await server.stores.versions.list(id)).toEqual([]);
  expect((await server.accounts.listAudit({ documentId: id })).map((audit) => audit.action)).toEqual(expect.arrayContaining(['document.deleted', 'document.restored_from_bin']));
});

it('purges what stayed in the bin past its retention', async () => {
  server = await newServer({ binRetentionMs: 200, binPurgeIntervalMs: 50 });
  const owner = newTrpcClient(server.url);
  const kept = await owner.documents.create.mutate({ title: 'Gardé' });
  const { id } = await owner.documents.create.mutate({ title: 'Jeté' });
  await owner.documents.delete.mutate({ id });
  await waitFor(async () => (await server!.store.listTrashed()).length === 0);
  await expect(owner.bin.restore.mutate({ id })).rejects.toThrow('Document introuvable dans la corbeille.');
  expect((await owner.documents.list.query()).map((document) => document.id)).toEqual([kept.id]);
  expect(server.logs.events('bin.purged')).toHaveLength(1);
});
