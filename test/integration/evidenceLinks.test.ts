import { performance } from 'node:perf_hooks';
import {
  DOCUMENT_FIELD,
  anchorsRestoredByUndo,
  flattenDocument,
  readEvidenceLinks,
  resolveEvidenceLinks,
  reviewRoomOf,
  type StoredEvidenceLink,
} from '@canevas/core';
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  anchorFor,
  encodeUpdateFrame,
  newClient,
  newRawClient,
  newServer,
  newTrpcClient,
  waitFor,
  workspaceReferentials,
  writeInSection,
  type TestClient,
  type TestServer,
  type TestTrpcClient,
} from '../helpers/index.js';

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

async function start(dataDir?: string): Promise<{ server: TestServer; api: TestTrpcClient }> {
  server = await newServer({ referentials: await workspaceReferentials(), ...(dataDir ? { dataDir } : {}) });
  return { server, api: newTrpcClient(server.url) };
}

/** A TZCLD plan d'actions with a sentence typed in it, and the writer's synced content doc. */
async function draftedPlan(api: TestTrpcClient, syncUrl: string) {
  const { id } = await api.documents.create.mutate({ title: 'Plan d’actions', referentialId: 'tzcld', templateId: 'plan-actions' });
  const writer = connect(syncUrl, id);
  await writer.synced;
  writeInSection(writer.doc, 'objectifs-strategiques', 'Le territoire vise un emploi pour chaque personne volontaire d’ici 2027.');
  return { id, writer, anchor: anchorFor(writer.doc, 'un emploi pour chaque personne volontaire') };
}

function connect(syncUrl: string, room: string): TestClient {
  const client = newClient(syncUrl, room);
  clients.push(client);
  return client;
}

function links(client: TestClient): StoredEvidenceLink[] {
  return readEvidenceLinks(client.doc);
}

async function failure(promise: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return { code: (error.data as { code?: string } | undefined)?.code, message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function storedReview(id: string) {
  const stored = await server!.store.loadDocument(reviewRoomOf(id));
  const doc = new Y.Doc();
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  return { stored, links: readEvidenceLinks(doc) };
}

/** A participant as the web app has one: the content doc and the read-only review doc. */
interface Participant {
  content: TestClient;
  review: TestClient;
  /** Each link's status and text, as this participant's tab shows them. */
  view(): string[];
}

async function participant(syncUrl: string, id: string): Promise<Participant> {
  const content = connect(syncUrl, id);
  const review = connect(syncUrl, reviewRoomOf(id));
  await Promise.all([content.synced, review.synced]);
  return {
    content,
    review,
    view: () => resolveEvidenceLinks(content.doc, links(review)).map((link) => `${link.status}: ${link.resolution.text}`),
  };
}

/** The evidence annex's rows and the completeness score, as the server exports them. */
async function exported(running: TestServer, id: string): Promise<{ rows: string[]; score: string }> {
  const get = async (path: string) => {
    const response = await fetch(`${running.url}${path}`, { headers: { authorization: `Bearer ${running.admin.token}` } });
    expect(response.status).toBe(200);
    return response.text();
  };
  const evidence = await get(`/export/documents/${id}?format=md&evidence=1`);
  const dossier = await get(`/export/dossier?format=md&ids=${id}`);
  return {
    rows: evidence.split('\n').filter((line) => /\| (rattaché|détaché[^|]*) \|$/.test(line)),
    score: /Vérifications satisfaites :\**\s*([^\n\\]*)/.exec(dossier)?.[1] ?? dossier,
  };
}

describe('evidence links', () => {
  it('reach another client’s review doc live, resolve against the content, and survive a restart', async () => {
    const { server: first, api } = await start();
    const { id, writer, anchor } = await draftedPlan(api, first.syncUrl);
    const target = await api.documents.syncTarget.query({ id });
    const reviewer = connect(target.url, target.review.room);
    await reviewer.synced;
    expect(links(reviewer)).toEqual([]);

    const started = performance.now();
    const { ids } = await api.evidence.add.mutate({ documentId: id, anchor, nodeIds: ['cp2-c2', 'cp2-c1'], author: 'Camille Martin' });
    await waitFor(() => links(reviewer).length === 2);
    console.info(`evidence.add → another client's review doc: ${(performance.now() - started).toFixed(1)} ms`);

    expect(ids).toHaveLength(2);
    expect(links(reviewer).map((link) => link.nodeId).sort()).toEqual(['cp2-c1', 'cp2-c2']);
    // The author is the signed-in account, whatever the client claims.
    expect(links(reviewer)[0]).toMatchObject({ anchor, createdBy: 'Administratrice' });
    const { resolveEvidenceLinks } = await import('@canevas/core');
    expect(resolveEvidenceLinks(writer.doc, links(reviewer)).map((link) => [link.status, link.resolution.text])).toEqual([
      ['attached', 'un emploi pour chaque personne volontaire'],
      ['attached', 'un emploi pour chaque personne volontaire'],
    ]);

    // Persisted before broadcast: already in the store when the other client has it.
    expect((await storedReview(id)).links.map((link) => link.id).sort()).toEqual([...ids].sort());

    const dataDir = first.dataDir;
    for (const client of clients.splice(0)) client.destroy();
    await first.close();
    const { server: second } = await start(dataDir);
    const later = connect(second.syncUrl, reviewRoomOf(id));
    await later.synced;
    expect(links(later).map((link) => link.id).sort()).toEqual([...ids].sort());
  });

  it('remove and reattach reach the other clients; unknown links are NOT_FOUND', async () => {
    const { server: running, api } = await start();
    const { id, writer, anchor } = await draftedPlan(api, running.syncUrl);
    const reviewer = connect(running.syncUrl, reviewRoomOf(id));
    await reviewer.synced;
    const { ids } = await api.evidence.add.mutate({ documentId: id, anchor, nodeIds: ['cp2-c2', 'cp3-c4'] });
    await waitFor(() => links(reviewer).length === 2);

    writeInSection(writer.doc, 'priorisation', 'La rencontre des personnes passe en premier.');
    const moved = anchorFor(writer.doc, 'La rencontre des personnes passe en premier');
    await api.evidence.reattach.mutate({ documentId: id, id: ids[0]!, anchor: moved });
    await waitFor(() => links(reviewer).find((link) => link.id === ids[0])?.anchor.quote.exact === moved.quote.exact);
    expect(links(reviewer).find((link) => link.id === ids[0])).toMatchObject({ nodeId: 'cp2-c2', anchor: moved });

    expect(await api.evidence.remove.mutate({ documentId: id, id: ids[1]! })).toEqual({ id: ids[1] });
    await waitFor(() => links(reviewer).length === 1);

    expect(await failure(api.evidence.remove.mutate({ documentId: id, id: ids[1]! }))).toEqual({ code: 'NOT_FOUND', message: 'Lien de preuve introuvable.' });
    expect(await failure(api.evidence.reattach.mutate({ documentId: id, id: 'inconnu', anchor: moved }))).toEqual({
      code: 'NOT_FOUND',
      message: 'Lien de preuve introuvable.',
    });
    expect((await storedReview(id)).links.map((link) => link.id)).toEqual([ids[0]]);
  });

  it('refuses an unknown node, a malformed anchor, a document without referential or unknown, and stores nothing', async () => {
    const { server: running, api } = await start();
    const { id, anchor } = await draftedPlan(api, running.syncUrl);

    const unknownNode = await failure(api.evidence.add.mutate({ documentId: id, anchor, nodeIds: ['cp2-c2', 'cp9-c9'] }));
    expect(unknownNode).toEqual({ code: 'BAD_REQUEST', message: 'Critère inconnu dans le référentiel « tzcld » : « cp9-c9 ».' });

    const garbled = await failure(api.evidence.add.mutate({ documentId: id, anchor: { ...anchor, start: '%%%' }, nodeIds: ['cp2-c2'] }));
    expect(garbled).toMatchObject({ code: 'BAD_REQUEST', message: 'Ancre invalide : la position de début est illisible.' });
    const noQuote = await failure(
      api.evidence.add.mutate({ documentId: id, anchor: { ...anchor, quote: { ...anchor.quote, exact: '' } }, nodeIds: ['cp2-c2'] }),
    );
    expect(noQuote).toMatchObject({ code: 'BAD_REQUEST', message: 'Ancre invalide : la citation est vide.' });
    const none = await failure(api.evidence.add.mutate({ documentId: id, anchor, nodeIds: [] }));
    expect(none).toMatchObject({ code: 'BAD_REQUEST', message: 'Choisissez au moins un critère.' });

    const { id: free } = await api.documents.create.mutate({ title: 'Notes libres' });
    expect(await failure(api.evidence.add.mutate({ documentId: free, anchor, nodeIds: ['cp2-c2'] }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Ce document n’est rattaché à aucun référentiel : aucun critère ne peut y être lié.',
    });
    expect(await failure(api.evidence.add.mutate({ documentId: 'inexistant', anchor, nodeIds: ['cp2-c2'] }))).toEqual({
      code: 'NOT_FOUND',
      message: 'Document introuvable.',
    });

    for (const documentId of [id, free]) {
      const { stored } = await storedReview(documentId);
      expect(stored).toEqual({ snapshot: null, updates: [], quarantined: false });
    }
  });

  it('drops what clients write to a review doc: not stored, not relayed', async () => {
    const { server: running, api } = await start();
    const { id, anchor } = await draftedPlan(api, running.syncUrl);
    const peer = connect(running.syncUrl, reviewRoomOf(id));
    await peer.synced;

    // A stock client that writes into its copy of the review doc…
    const forger = connect(running.syncUrl, reviewRoomOf(id));
    await forger.synced;
    forger.doc.getMap('evidence').set('faux', { id: 'faux', nodeId: 'cp2-c2', anchor, createdBy: 'Mallory', createdAt: '2026-01-01T00:00:00.000Z' });
    // …and a raw one whose frame the server must have handled before it answers the sync step 1 sent after it.
    const raw = newRawClient(`${running.syncUrl}/${reviewRoomOf(id)}`);
    await raw.opened;
    const forged = new Y.Doc();
    forged.getMap('evidence').set('forgé', { id: 'forgé', nodeId: 'cp2-c2' });
    raw.send(encodeUpdateFrame(Y.encodeStateAsUpdate(forged)));
    raw.sendSyncStep1();
    const reply = await raw.nextMessage((message) => message.type === 0 && message.syncType === 1);
    const served = new Y.Doc();
    Y.applyUpdate(served, reply.payload);
    expect([...served.getMap('evidence').keys()]).toEqual([]);

    // A real change still flows, and only it.
    await api.evidence.add.mutate({ documentId: id, anchor, nodeIds: ['cp2-c2'] });
    await waitFor(() => links(peer).length === 1);
    expect(links(peer).map((link) => link.createdBy)).toEqual(['Administratrice']);
    expect((await storedReview(id)).links.map((link) => link.createdBy)).toEqual(['Administratrice']);
    raw.close();
  });

  it('deleting a document deletes its review doc and closes its review connections with 4410', async () => {
    const { server: running, api } = await start();
    const { id, anchor, writer } = await draftedPlan(api, running.syncUrl);
    const reviewer = connect(running.syncUrl, reviewRoomOf(id));
    await reviewer.synced;
    await api.evidence.add.mutate({ documentId: id, anchor, nodeIds: ['cp2-c2'] });
    await waitFor(() => links(reviewer).length === 1);

    await api.documents.delete.mutate({ id });
    expect((await reviewer.closed).code).toBe(4410);
    expect((await writer.closed).code).toBe(4410);
    expect(await running.store.loadDocument(reviewRoomOf(id))).toBeUndefined();
    expect(await failure(api.evidence.add.mutate({ documentId: id, anchor, nodeIds: ['cp2-c2'] }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('review rooms unload from memory like content rooms', async () => {
    const { server: running, api } = await start();
    const { id, anchor, writer } = await draftedPlan(api, running.syncUrl);
    const reviewer = connect(running.syncUrl, reviewRoomOf(id));
    await reviewer.synced;
    await api.evidence.add.mutate({ documentId: id, anchor, nodeIds: ['cp2-c2'] });
    await waitFor(() => links(reviewer).length === 1);
    expect(running.stats().documents).toBe(2);

    reviewer.destroy();
    writer.destroy();
    await waitFor(() => running.stats().documents === 0);
    // A change with nobody connected loads the review room, stores, and unloads it again.
    await api.evidence.add.mutate({ documentId: id, anchor, nodeIds: ['cp2-c1'] });
    await waitFor(() => running.stats().documents === 0);
    expect((await storedReview(id)).links).toHaveLength(2);
  });

  it('undo after deleting a linked passage: three clients, a reload, a newcomer and the server’s exports agree', async () => {
    const { server: running, api } = await start();
    const phrase = 'un emploi pour chaque personne volontaire';
    const { id, writer, anchor } = await draftedPlan(api, running.syncUrl);
    const aliceReview = connect(running.syncUrl, reviewRoomOf(id));
    await aliceReview.synced;
    const alice: Participant = {
      content: writer,
      review: aliceReview,
      view: () => resolveEvidenceLinks(writer.doc, links(aliceReview)).map((link) => `${link.status}: ${link.resolution.text}`),
    };
    const bob = await participant(running.syncUrl, id);
    const carol = await participant(running.syncUrl, id);
    const everyone = [alice, bob, carol];
    await api.evidence.add.mutate({ documentId: id, anchor, nodeIds: ['cp2-c2'] });
    const attached = [`attached: ${phrase}`];
    await waitFor(() => everyone.every((p) => JSON.stringify(p.view()) === JSON.stringify(attached)));
    const before = await exported(running, id);
    expect(before.rows).toEqual([expect.stringMatching(new RegExp(`« ${phrase} » \\| rattaché \\|$`))]);

    // Alice deletes the passage in her editor (the stock UndoManager tracks her own edits).
    const undo = new Y.UndoManager(writer.doc.getXmlFragment(DOCUMENT_FIELD), { captureTimeout: 0 });
    const flat = flattenDocument(writer.doc.getXmlFragment(DOCUMENT_FIELD));
    const at = flat.text.indexOf(phrase);
    const segment = flat.segments.find((s) => s.textStart <= at && at < s.textStart + s.length)!;
    segment.type.delete(at - segment.textStart, phrase.length);
    const contains = (p: Participant, present: boolean) => flattenDocument(p.content.doc.getXmlFragment(DOCUMENT_FIELD)).text.includes(phrase) === present;
    await waitFor(() => everyone.every((p) => contains(p, false) && p.view()[0] === 'detached: '));
    const deleted = await exported(running, id);
    expect(deleted.rows).toEqual([expect.stringMatching(/\| détaché \(passage supprimé\) \|$/)]);
    expect(deleted.score).not.toBe(before.score);

    // Ctrl+Z: the text comes back everywhere, and the link resolves the same everywhere.
    undo.undo();
    await waitFor(() => everyone.every((p) => contains(p, true)));
    expect(everyone.map((p) => p.view())).toEqual([['detached: '], ['detached: '], ['detached: ']]);

    // Alice's tab, the only one that knows what its undo restored, re-anchors the link through the server.
    const stored = links(aliceReview);
    const restored = anchorsRestoredByUndo(writer.doc, stored.map((link) => link.anchor));
    expect(anchorsRestoredByUndo(bob.content.doc, stored.map((link) => link.anchor))).toEqual([null]);
    for (const [i, restoredAnchor] of restored.entries()) {
      if (restoredAnchor) await api.evidence.reattach.mutate({ documentId: id, id: stored[i]!.id, anchor: restoredAnchor });
    }
    await waitFor(() => everyone.every((p) => JSON.stringify(p.view()) === JSON.stringify(attached)));
    const newcomer = await participant(running.syncUrl, id);
    expect(newcomer.view()).toEqual(attached);
    expect(await exported(running, id)).toEqual(before);

    // Alice reloads: the same again.
    undo.destroy();
    writer.destroy();
    aliceReview.destroy();
    const reloaded = await participant(running.syncUrl, id);
    expect(reloaded.view()).toEqual(attached);
  });
});

