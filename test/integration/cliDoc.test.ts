import { afterEach, describe, expect, it } from 'vitest';
import { newDataDir, newServer, newTrpcClient, runCanevas, type TestServer } from '../helpers/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

describe('pnpm canevas doc list', () => {
  it('lists the documents of a running server, most recently updated first', async () => {
    server = await newServer();
    const api = newTrpcClient(server.url);
    const first = await api.documents.create.mutate({ title: 'Plan de communication' });
    const second = await api.documents.create.mutate({ title: 'Budget prévisionnel 2027' });

    const table = await runCanevas(['doc', 'list', '--data', server.dataDir]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^IDENTIFIANT\s+MODIFIÉ LE\s+RÉFÉRENTIEL\s+TITRE$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).at(-1))).toEqual(['Budget prévisionnel 2027', 'Plan de communication']);

    const json = await runCanevas(['doc', 'list', '--json'], { env: { DATA_DIR: server.dataDir } });
    expect(json.code).toBe(0);
    const documents = JSON.parse(json.stdout) as { id: string; title: string }[];
    expect(documents.map((document) => document.id)).toEqual([second.id, first.id]);
  });

  it('explains a missing database and a bad subcommand', async () => {
    const empty = await newDataDir();
    const missing = await runCanevas(['doc', 'list', '--data', empty]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Aucune base Canevas');

    const unknown = await runCanevas(['doc', 'liste']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Sous-commande inconnue : liste');
  });
});
