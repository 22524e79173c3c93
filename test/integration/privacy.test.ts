import { createAnchor, readAssessments, readThreads, reviewRoomOf } from '@canevas/core';
import type { LoadedReferentials } from '@canevas/sync-server';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { addMember, newClient, newServer, newTrpcClient, waitFor, workspaceReferentials, type TestClient, type TestServer } from '../helpers/index.js';

let referentials: LoadedReferentials;
let server: TestServer | undefined;
const clients: TestClient[] = [];

beforeAll(async () => {
  referentials = await workspaceReferentials();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

it('exports everything about a tutor, then erases the account: authorship anonymised, documents intact, access log kept', async () => {
  server = await newServer({ referentials });
  const admin = newTrpcClient(server.url);
  const { id } = await admin.documents.create.mutate({ title: 'Dossier de validation', referentialId: 'anpe', templateId: 'dossier-validation' });
  const content = newClient(server.syncUrl, id);
  const review = newClient(server.syncUrl, reviewRoomOf(id));
  clients.push(content, review);
  await Promise.all([content.synced, review.synced]);
  const before = content.doc.getXmlFragment('default').toString();

  const tutor = await addMember(server.accounts, server.admin.workspaceId, 'tutor', 'Inès');
  const tutorApi = newTrpcClient(server.url, { token: tutor.token });
  const key = referentials.registry.get('anpe')!.nodes.find((node) => node.assessable)!;
  await tutorApi.comments.create.mutate({ documentId: id, anchor: createAnchor(content.doc, 2, 8), body: 'Développez cette situation.' });
  await tutorApi.assessments.set.mutate({ documentId: id, nodeId: key.id, level: 'maitrisee', feedback: 'Clair.' });
  const opened = newClient(server.syncUrl, id, { token: tutor.token });
  clients.push(opened);
  await opened.synced;

  const exported = await tutorApi.privacy.exportUser.query();
  expect(exported.account).toMatchObject({ id: tutor.userId, email: tutor.email, name: 'Inès' });
  expect(exported.workspaces).toEqual([{ id: server.admin.workspaceId, name: 'Espace des tests', role: 'tutor' }]);
  expect(exported.comments.map((comment) => comment.body)).toEqual(['Développez cette situation.']);
  expect(exported.assessments).toMatchObject([{ nodeId: key.id, from: null, to: 'maitrisee', feedback: 'Clair.' }]);
  expect(exported.activity.map((entry) => entry.action)).toContain('document.open');
  await expect(tutorApi.privacy.exportUser.query({ userId: server.admin.userId })).rejects.toThrow('Réservé à l’administrateur');

  const log = await admin.privacy.documentAccessLog.query({ documentId: id });
  expect(log.filter((entry) => entry.action === 'document.open').map((entry) => entry.who)).toContain('Inès');
  await expect(tutorApi.privacy.documentAccessLog.query({ documentId: id })).rejects.toThrow('propriétaire');

  await expect(tutorApi.privacy.deleteUser.mutate({ userId: server.admin.userId })).rejects.toThrow('Réservé à l’administrateur');
  await expect(admin.privacy.deleteUser.mutate({ userId: server.admin.userId })).rejects.toThrow('seul compte administrateur');
  expect(await admin.privacy.deleteUser.mutate({ userId: tutor.userId })).toEqual({ documents: 1 });

  await waitFor(() => readThreads(review.doc)[0]?.comments[0]?.authorName === 'Compte supprimé');
  expect(readThreads(review.doc)[0]!.comments[0]!.body).toBe('Développez cette situation.');
  expect(readAssessments(review.doc)[0]).toMatchObject({ level: 'maitrisee', byName: 'Compte supprimé', by: '' });
  expect(content.doc.getXmlFragment('default').toString()).toBe(before);
  expect((await admin.privacy.documentAccessLog.query({ documentId: id })).map((entry) => entry.who)).not.toContain('Inès');
  expect((await opened.closed).code).toBe(4403);
  await expect(tutorApi.documents.list.query()).rejects.toThrow('Connectez-vous');
  expect(JSON.stringify(await server.accounts.listAudit({ limit: 1000 }))).not.toContain(tutor.userId);
});
