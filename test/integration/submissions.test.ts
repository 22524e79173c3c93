import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, newClient, newServer, newTrpcClient, waitFor, type TestClient, type TestServer } from '../helpers/index.js';

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
}

it('a submission freezes the dossier as it was, while the draft moves on; the tutor reads it but cannot submit', async () => {
  server = await newServer();
  const api = newTrpcClient(server.url);
  const { id } = await api.documents.create.mutate({ title: 'Dossier de validation' });
  const candidate = newClient(server.syncUrl, id);
  clients.push(candidate);
  await candidate.synced;
  appendParagraph(candidate.doc, 'Situation 1 : accueil du public.');
  const reader = newClient(server.syncUrl, id);
  clients.push(reader);
  await waitFor(() => reader.doc.getXmlFragment('default').toString().includes('Situation 1'));

  const submitted = await api.submissions.create.mutate({ documentId: id, name: 'Version pour la tutrice' });
  appendParagraph(candidate.doc, 'Situation 2 : suivi renforcé.');
  await waitFor(() => server!.stats().pendingUpdates === 0);

  const tutor = await addMember(server.accounts, server.admin.workspaceId, 'tutor', 'Inès');
  const tutorApi = newTrpcClient(server.url, { token: tutor.token });
  const [listed] = await tutorApi.submissions.list.query({ documentId: id });
  expect(listed).toMatchObject({ id: submitted.id, name: 'Version pour la tutrice', createdBy: 'Administratrice' });
  const frozen = await tutorApi.submissions.get.query({ id: submitted.id });
  const text = JSON.stringify(frozen.content);
  expect(text).toContain('Situation 1 : accueil du public.');
  expect(text).not.toContain('Situation 2');

  await expect(tutorApi.submissions.create.mutate({ documentId: id, name: 'Pas à moi' })).rejects.toThrow('Votre rôle ne permet pas de modifier ce document.');
  await expect(tutorApi.submissions.create.mutate({ documentId: id, name: '  ' })).rejects.toThrow('Nommez la version soumise.');
  expect((await server.accounts.listAudit({ documentId: id })).map((entry) => entry.action)).toEqual(
    expect.arrayContaining(['document.submitted', 'submission.opened', 'document.open']),
  );
});
