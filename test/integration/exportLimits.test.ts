import { pathToFileURL } from 'node:url';
import type { ProseMirrorJSON } from '@canevas/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newServer, newTrpcClient, waitFor, type TestServer } from '../helpers/index.js';
import { EXPORT_GATE, HELD_TITLE, RUNAWAY_TITLE } from '../helpers/stallingRenderWorker.js';
import { writeContent } from './exportFixture.js';

/** The worker that holds or loops on demand (see there); every other book renders for real. */
const workerScript = pathToFileURL(new URL('../helpers/stallingRenderWorker.ts', import.meta.url).pathname);

const paragraph = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function get(server: TestServer, path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.admin.token}` } });
}

function startJob(server: TestServer, body: object): Promise<Response> {
  return fetch(`${server.url}/export/jobs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.admin.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function newDocument(server: TestServer, title: string, content: ProseMirrorJSON[]): Promise<string> {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title });
  (await writeContent(server, id, { type: 'doc', content })).destroy();
  return id;
}

/** Resolves when a render worker says `signal` on the test gate. */
function gateSays(gate: BroadcastChannel, signal: 'holding' | 'runaway'): Promise<void> {
  return new Promise((resolve) => {
    gate.onmessage = (event) => {
      if ((event as MessageEvent).data === signal) resolve();
    };
  });
}

let gate: BroadcastChannel;
beforeAll(() => {
  gate = new BroadcastChannel(EXPORT_GATE);
});
afterAll(() => gate.close());

describe('exports under a memory limit and one limit of exports in progress', () => {
  let server: TestServer;
  let smallId: string;
  let heldId: string;
  let hugeId: string;

  beforeAll(async () => {
    server = await newServer({ exportLimits: { maxRunning: 1, maxQueued: 0, memoryMb: 64, workerScript } });
    smallId = await newDocument(server, 'Plan de communication', [paragraph('Cibles et messages.')]);
    heldId = await newDocument(server, HELD_TITLE, [paragraph('Texte retenu.')]);
    // 300,000 one-letter words: pdfmake keeps an object per word, far more than 64 MiB.
    hugeId = await newDocument(server, 'Document démesuré', Array.from({ length: 300 }, () => paragraph('a '.repeat(1000))));
  }, 120_000);
  afterAll(() => server?.dispose());

  it('fails an export past the memory limit with the cause named, keeps serving, and exports the next document', async () => {
    const failed = await get(server, `/export/documents/${hugeId}?format=pdf`);
    expect(failed.status).toBe(422);
    expect(await failed.text()).toBe(
      'L’export a dépassé la mémoire autorisée (64 Mio) et a été interrompu. Le document est sans doute trop volumineux : scindez-le, ou demandez à l’administrateur de relever la limite.',
    );
    expect(server.logs.entries.some((entry) => entry.event === 'export.limit_exceeded')).toBe(true);

    expect((await newTrpcClient(server.url).documents.list.query()).length).toBeGreaterThanOrEqual(3);
    const next = await get(server, `/export/documents/${smallId}?format=pdf`);
    expect(next.status).toBe(200);
    expect(next.headers.get('content-type')).toBe('application/pdf');
  }, 180_000);

  it('counts GET downloads and POST jobs against the same limit: 429 with Retry-After while one holds it', async () => {
    // A download holds the only slot: jobs and other downloads are refused.
    const holding = gateSays(gate, 'holding');
    const held = get(server, `/export/documents/${heldId}?format=md`);
    await holding;
    const job = await startJob(server, { format: 'md', documentIds: [smallId] });
    expect(job.status).toBe(429);
    expect(job.headers.get('retry-after')).toBe('10');
    expect(await job.text()).toBe('Trop d’exports sont en cours sur le serveur (1 en cours, 0 en attente). Réessayez dans un instant.');
    expect((await get(server, `/export/dossier?format=md&ids=${smallId}`)).status).toBe(429);
    gate.postMessage('release');
    expect((await held).status).toBe(200);

    // A job holds it: downloads are refused.
    const jobHolding = gateSays(gate, 'holding');
    const started = await startJob(server, { format: 'md', documentIds: [smallId], title: HELD_TITLE });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await jobHolding;
    const refused = await get(server, `/export/documents/${smallId}?format=pdf`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    gate.postMessage('release');
    await waitFor(async () => ((await (await get(server, `/export/jobs/${id}`)).json()) as { state: string }).state === 'done');
    expect((await get(server, `/export/jobs/${id}/file`)).status).toBe(200);
    expect((await get(server, `/export/documents/${smallId}?format=md`)).status).toBe(200);
  }, 120_000);
});

describe('exports under a deadline', () => {
  let server: TestServer;
  let smallId: string;
  let runawayId: string;

  beforeAll(async () => {
    server = await newServer({ exportLimits: { maxRunning: 1, maxQueued: 2, timeoutMs: 2000, workerScript } });
    smallId = await newDocument(server, 'Plan de communication', [paragraph('Cibles et messages.')]);
    runawayId = await newDocument(server, RUNAWAY_TITLE, [paragraph('Mise en page sans fin.')]);
  }, 120_000);
  afterAll(() => server?.dispose());

  it('kills a layout past its deadline with the cause named, and completes the exports queued behind it', async () => {
    const runaway = gateSays(gate, 'runaway');
    const killed = get(server, `/export/documents/${runawayId}?format=pdf`);
    await runaway;
    const queued = [get(server, `/export/documents/${smallId}?format=md`), get(server, `/export/dossier?format=md&ids=${smallId}`)];

    const failure = await killed;
    expect(failure.status).toBe(422);
    expect(await failure.text()).toBe(
      'L’export a dépassé le temps autorisé (2 s) et a été interrompu. Le document est sans doute trop volumineux : scindez-le, ou demandez à l’administrateur de relever la limite.',
    );
    for (const response of await Promise.all(queued)) {
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Cibles et messages.');
    }
    expect((await get(server, `/export/documents/${smallId}?format=md`)).status).toBe(200);
  }, 120_000);
});
