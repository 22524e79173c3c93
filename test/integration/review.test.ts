import { createAnchor, evaluateCompleteness, readAssessments, readThreads, reviewRoomOf, yDocToProseMirrorJSON } from '@canevas/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  newClient,
  newServer,
  newTrpcClient,
  waitFor,
  workspaceReferentials,
  type TestAccount,
  type TestClient,
  type TestServer,
} from '../helpers/index.js';
import type { LoadedReferentials } from '@canevas/sync-server';

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

function track(client: TestClient): TestClient {
  clients.push(client);
  return client;
}

async function anpeDossier(): Promise<{ server: TestServer; id: string; tutor: TestAccount; viewer: TestAccount; content: TestClient; review: TestClient }> {
  server = await newServer({ referentials });
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Dossier de validation', referentialId: 'anpe', templateId: 'dossier-validation' });
  const tutor = await addMember(server.accounts, server.admin.workspaceId, 'tutor', 'Inès');
  const viewer = await addMember(server.accounts, server.admin.workspaceId, 'viewer', 'Paul');
  const content = track(newClient(server.syncUrl, id));
  const review = track(newClient(server.syncUrl, reviewRoomOf(id)));
  await Promise.all([content.synced, review.synced]);
  return { server, id, tutor, viewer, content, review };
}

describe('inline comments', () => {
  it('a tutor comments a passage through the API and it appears live; authorship and roles are enforced', async () => {
    const { server, id, tutor, viewer, content, review } = await anpeDossier();
    const anchor = createAnchor(content.doc, 2, 8);
    const tutorApi = newTrpcClient(server.url, { token: tutor.token });
    const { threadId } = await tutorApi.comments.create.mutate({ documentId: id, anchor, body: 'Précisez le public accueilli.' });
    await waitFor(() => readThreads(review.doc).length === 1);
    const [thread] = readThreads(review.doc);
    expect(thread).toMatchObject({ id: threadId, resolved: false, anchor: { quote: anchor.quote } });
    expect(thread!.comments[0]).toMatchObject({ authorName: 'Inès', body: 'Précisez le public accueilli.' });

    const candidateApi = newTrpcClient(server.url);
    const { commentId } = await candidateApi.comments.reply.mutate({ documentId: id, threadId, body: 'Des demandeurs d’emploi de longue durée.' });
    await expect(tutorApi.comments.edit.mutate({ documentId: id, threadId, commentId, body: 'Réécrit' })).rejects.toThrow('Seul son auteur peut modifier');
    await candidateApi.comments.edit.mutate({ documentId: id, threadId, commentId, body: 'Des demandeurs d’emploi de très longue durée.' });
    await expect(newTrpcClient(server.url, { token: viewer.token }).comments.create.mutate({ documentId: id, nodeId: 'C1', body: 'Lecteur' })).rejects.toThrow(
      'Votre rôle ne permet pas de commenter ce document.',
    );
    await expect(tutorApi.comments.create.mutate({ documentId: id, body: 'Sans cible' })).rejects.toThrow('sur un passage, sur un critère, ou sur les deux');

    await tutorApi.comments.setResolved.mutate({ documentId: id, threadId, resolved: true });
    await waitFor(() => readThreads(review.doc)[0]?.resolved === true);
    const resolved = readThreads(review.doc)[0]!;
    expect(resolved.resolvedBy).toBe('Inès');
    expect(resolved.comments.map((comment) => [comment.authorName, comment.body, comment.editedAt !== undefined])).toEqual([
      ['Inès', 'Précisez le public accueilli.', false],
      ['Administratrice', 'Des demandeurs d’emploi de très longue durée.', true],
    ]);
  });
});

describe('assessments', () => {
  it('a tutor sets levels on the scale, every change is kept, and the ANPE decision follows the key competencies', async () => {
    const { server, id, tutor, review, content } = await anpeDossier();
    const manifest = referentials.registry.get('anpe')!;
    const keys = manifest.nodes.filter((node) => node.assessable && node.type === 'competency');
    expect(keys.length).toBeGreaterThanOrEqual(3);
    const tutorApi = newTrpcClient(server.url, { token: tutor.token });

    await tutorApi.assessments.set.mutate({ documentId: id, nodeId: keys[0]!.id, level: 'partiellement-maitrisee', feedback: 'Une seule situation décrite.' });
    for (const key of keys) await tutorApi.assessments.set.mutate({ documentId: id, nodeId: key.id, level: 'maitrisee' });
    await waitFor(() => readAssessments(review.doc).length === keys.length);
    const first = readAssessments(review.doc).find((assessment) => assessment.nodeId === keys[0]!.id)!;
    expect(first.history.map((change) => [change.from, change.to, change.byName])).toEqual([
      [null, 'partiellement-maitrisee', 'Inès'],
      ['partiellement-maitrisee', 'maitrisee', 'Inès'],
    ]);

    const decide = () =>
      evaluateCompleteness({ manifest, templateId: 'dossier-validation', content: yDocToProseMirrorJSON(content.doc), evidence: [], assessments: readAssessments(review.doc) }).decision
        .outcome;
    expect(decide()).toBe('validated');
    await tutorApi.assessments.set.mutate({ documentId: id, nodeId: keys[1]!.id, level: 'non-maitrisee' });
    await waitFor(() => decide() === 'not_validated');

    await expect(newTrpcClient(server.url).assessments.set.mutate({ documentId: id, nodeId: keys[0]!.id, level: 'maitrisee' })).rejects.toThrow(
      'Seul un tuteur peut évaluer ce document.',
    );
    await expect(tutorApi.assessments.set.mutate({ documentId: id, nodeId: keys[0]!.id, level: 'excellent' })).rejects.toThrow(/Niveau inconnu.*« Maîtrisée »/);
  });
});
