import { afterEach, expect, it } from 'vitest';
import { newClient, newServer, newTrpcClient, waitFor, type TestClient, type TestServer } from '../helpers/index.js';

let server: TestServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

it('two stock y-websocket clients converge through the server', async () => {
  server = await newServer();
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Plan de communication' });
  const alice = newClient(server.syncUrl, id);
  const bob = newClient(server.syncUrl, id);
  clients.push(alice, bob);
  await Promise.all([alice.synced, bob.synced]);

  alice.doc.getText('text').insert(0, 'Bonjour ');
  bob.doc.getText('text').insert(0, 'Lormont');
  await waitFor(() => alice.text().length === 15 && alice.text() === bob.text());
  alice.doc.getText('text').insert(0, '« ');
  await waitFor(() => bob.text().startsWith('« '));

  expect(bob.text()).toBe(alice.text());
  expect(bob.text()).toContain('Bonjour');
  expect(bob.text()).toContain('Lormont');
});
