import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CloseCode } from '@canevas/sync-server';
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addMember,
  anchorFor,
  newClient,
  newDataDir,
  newRawClient,
  newServer,
  newTrpcClient,
  runCanevas,
  waitFor,
  workspaceReferentials,
  writeInSection,
  type RawClient,
  type TestClient,
  type TestServer,
} from '../helpers/index.js';
import { corruptSnapshot } from '../helpers/storageFaults.js';

// A document whose stored rows Yjs refuses (real corruption of the server's SQLite file): its
// exports and review changes are refused with a French message naming it, never a generic 500.

const servers: TestServer[] = [];
const clients: TestClient[] = [];
const raws: RawClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const raw of raws.splice(0)) raw.socket.terminate();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<TestServer> {
  const server = await newServer({ dataDir, referentials: await workspaceReferentials() });
  servers.push(server);
  return server;
}

async function stop(server: TestServer): Promise<void> {
  servers.splice(servers.indexOf(server), 1);
  expect(await server.close()).toEqual({ unstoredUpdates: 0 });
}

function connect(syncUrl: string, room: string): TestClient {
  const client = newClient(syncUrl, room);
  clients.push(client);
  return client;
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

const QUARANTINED = /^Document en quarantaine : « Bilan abîmé »\. Ses données stockées sont illisibles/;

/** Two documents of one workspace, the first one's snapshot corrupted on disk; a server started on it. */
async function brokenWorkspace() {
  const dataDir = await newDataDir();
  dirs.push(dataDir);
  const first = await start(dataDir);
  const api = newTrpcClient(first.url);
  const { id: broken } = await api.documents.create.mutate({ title: 'Bilan abîmé', referentialId: 'tzcld', templateId: 'plan-actions' });
  const { id: healthy } = await api.documents.create.mutate({ title: 'Bilan intact', referentialId: 'tzcld', templateId: 'plan-actions' });
  const { workspaceId } = await api.documents.get.query({ id: broken });
  const tutor = await addMember(first.accounts, workspaceId!, 'tutor', 'Tutrice');
  const writer = connect(first.syncUrl, broken);
  await writer.synced;
  writeInSection(writer.doc, 'objectifs-strategiques', 'Le territoire vise un emploi pour chaque personne volontaire.');
  const anchor = anchorFor(writer.doc, 'un emploi pour chaque personne');
  const { threadId } = await api.comments.create.mutate({ documentId: broken, anchor, body: 'Précisez le calendrier.' });
  const { ids } = await api.evidence.add.mutate({ documentId: broken, anchor, nodeIds: ['cp2-c2'] });
  for (const client of clients.splice(0)) client.destroy();
  // A clean stop folds the log into the snapshot, which is what gets damaged.
  await stop(first);
  await corruptSnapshot(dataDir, broken);
  const server = await start(dataDir);
  return { dataDir, server, api: newTrpcClient(server.url), broken, healthy, workspaceId: workspaceId!, tutor, anchor, threadId, linkId: ids[0]! };
}

/** Opens the document as the editor would: the server finds the rows unreadable and records the quarantine. */
async function openOnce(server: TestServer, docId: string): Promise<void> {
  const socket = newRawClient(`${server.syncUrl}/${docId}`);
  raws.push(socket);
  expect((await socket.closed).code).toBe(CloseCode.DocumentQuarantined);
  expect(await server.store.listQuarantined()).toMatchObject([{ docId }]);
}

function download(server: TestServer, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${server.admin.token}` } });
}

describe('a quarantined document', () => {
  it('is refused by every export (document, dossier, jobs, command line) with a message naming it', async () => {
    const { dataDir, server, broken, healthy, workspaceId } = await brokenWorkspace();

    // Not opened yet in this process, so not recorded: its unreadable rows refuse the export all the same.
    const early = await download(server, `/export/documents/${broken}?format=md`);
    expect(early.status).toBe(409);
    expect(await early.text()).toMatch(QUARANTINED);

    await openOnce(server, broken);
    for (const format of ['md', 'docx', 'pdf']) {
      const response = await download(server, `/export/documents/${broken}?format=${format}`);
      expect(response.status).toBe(409);
      expect(await response.text()).toMatch(QUARANTINED);
    }
    expect((await download(server, `/export/documents/${healthy}?format=md`)).status).toBe(200);

    // The dossier stops rather than leave a chapter out silently.
    const dossier = await download(server, `/export/dossier?format=md&workspace=${workspaceId}`);
    expect(dossier.status).toBe(409);
    const dossierMessage = await dossier.text();
    expect(dossierMessage).toMatch(QUARANTINED);
    expect(dossierMessage).toContain('le dossier n’est pas exporté');
    expect(dossierMessage).not.toContain('Bilan intact');
    expect((await download(server, `/export/dossier?format=md&ids=${healthy}`)).status).toBe(200);

    // The web app's dossier, with progress.
    const started = await download(server, '/export/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'docx', workspaceId }),
    });
    expect(started.status).toBe(202);
    const { status } = (await started.json()) as { status: string };
    let job: { state: string; message?: string } = { state: 'running' };
    await waitFor(async () => {
      job = (await (await download(server, status)).json()) as typeof job;
      return job.state === 'failed' || job.state === 'done';
    });
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(QUARANTINED);
    expect(server.logs.events('export.failed')).toHaveLength(0);

    await stop(server);
    const out = join(dataDir, 'export.md');
    const single = await runCanevas(['doc', 'export', broken, '--format', 'md', '--out', out, '--data', dataDir]);
    expect(single.code).not.toBe(0);
    expect(single.stderr).toMatch(/Document en quarantaine : « Bilan abîmé »/);
    const whole = await runCanevas(['doc', 'export', '--workspace', workspaceId, '--format', 'pdf', '--out', out, '--data', dataDir]);
    expect(whole.code).not.toBe(0);
    expect(whole.stderr).toMatch(/Document en quarantaine : « Bilan abîmé »[^\n]*le dossier n’est pas exporté/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses comments, assessments, evidence links and submissions with PRECONDITION_FAILED', async () => {
    const { server, api, broken, healthy, tutor, anchor, threadId, linkId } = await brokenWorkspace();
    await openOnce(server, broken);
    const tutorApi = newTrpcClient(server.url, { token: tutor.token });

    const refusals = [
      await failure(api.comments.create.mutate({ documentId: broken, anchor, body: 'Encore une remarque.' })),
      await failure(api.comments.reply.mutate({ documentId: broken, threadId, body: 'Réponse.' })),
      await failure(api.comments.setResolved.mutate({ documentId: broken, threadId, resolved: true })),
      await failure(tutorApi.assessments.set.mutate({ documentId: broken, nodeId: 'cp2-c2', level: 'acquis' })),
      await failure(api.evidence.add.mutate({ documentId: broken, anchor, nodeIds: ['cp2-c1'] })),
      await failure(api.evidence.remove.mutate({ documentId: broken, id: linkId })),
      await failure(api.submissions.create.mutate({ documentId: broken, name: 'Version du jury' })),
    ];
    for (const refusal of refusals) {
      expect(refusal.code).toBe('PRECONDITION_FAILED');
      expect(refusal.message).toMatch(QUARANTINED);
    }
    expect(server.logs.entries.filter((entry) => entry.level === 'error').map((entry) => entry.event)).toEqual(['store.document_quarantined']);
    expect(await api.submissions.list.query({ documentId: broken })).toEqual([]);

    // Its neighbour is untouched.
    const writer = connect(server.syncUrl, healthy);
    await writer.synced;
    writeInSection(writer.doc, 'objectifs-strategiques', 'Un texte qui se commente.');
    await api.comments.create.mutate({ documentId: healthy, anchor: anchorFor(writer.doc, 'se commente'), body: 'Bien.' });
    expect((await api.submissions.create.mutate({ documentId: healthy, name: 'Version du jury' })).name).toBe('Version du jury');
  });

  it('refuses a comment and an evidence link on rows nobody has opened since they broke', async () => {
    const { api, broken, anchor } = await brokenWorkspace();
    const comment = await failure(api.comments.create.mutate({ documentId: broken, anchor, body: 'Première remarque.' }));
    expect(comment).toEqual({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(QUARANTINED) });
    const evidence = await failure(api.evidence.add.mutate({ documentId: broken, anchor, nodeIds: ['cp2-c1'] }));
    expect(evidence).toEqual({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(QUARANTINED) });
  });

  it('refuses a submission of rows nobody has opened since they broke', async () => {
    const { api, broken } = await brokenWorkspace();
    const refusal = await failure(api.submissions.create.mutate({ documentId: broken, name: 'Version du jury' }));
    expect(refusal).toEqual({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(QUARANTINED) });
  });
});
