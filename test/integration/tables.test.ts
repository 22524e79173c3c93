import {
  DOCUMENT_FIELD,
  rawTableFromYXml,
  readTypedTable,
  summarizeBudget,
  tablePresets,
  templateToProseMirrorJSON,
  typedTablesOf,
  yDocToProseMirrorJSON,
} from '@canevas/core';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newClient, newServer, newTrpcClient, waitFor, type TestClient, type TestServer } from '../helpers/index.js';

const servers: TestServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.dispose();
});

const budgetTemplate = templateToProseMirrorJSON({
  id: 'budget',
  title: 'Budget',
  sections: [
    {
      id: 'budget',
      heading: 'Budget prévisionnel',
      table: { ...tablePresets.budget, rows: [{ poste: 'Salaires', nature: 'Charge' }, { poste: 'Subvention' }] },
    },
  ],
});

async function start(dataDir?: string): Promise<TestServer> {
  const server = await newServer({
    ...(dataDir ? { dataDir } : {}),
    resolveTemplate: (referentialId, templateId) => (referentialId === 'tzcld' && templateId === 'budget' ? budgetTemplate : undefined),
  });
  servers.push(server);
  return server;
}

function connect(server: TestServer, id: string): TestClient {
  const client = newClient(server.syncUrl, id);
  clients.push(client);
  return client;
}

function tableOf(client: TestClient): Y.XmlElement {
  const table = client.doc
    .getXmlFragment(DOCUMENT_FIELD)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'typedTable');
  if (!table) throw new Error('no typed table in the document');
  return table;
}

/** The cell element of a column in a row, as y-prosemirror stores it: one Y.XmlElement per cell. */
function cellOf(client: TestClient, row: number, column: string): Y.XmlElement {
  const rowElement = tableOf(client).get(row) as Y.XmlElement;
  const cell = rowElement.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.getAttribute('column') === column);
  if (!cell) throw new Error(`no cell ${column} in row ${row}`);
  return cell;
}

/** Types into a cell the way the editor binding does: into its Y.XmlText, created if the cell is empty. */
function typeInCell(client: TestClient, row: number, column: string, text: string): void {
  const cell = cellOf(client, row, column);
  client.doc.transact(() => {
    let content = cell.get(0);
    if (!(content instanceof Y.XmlText)) {
      content = new Y.XmlText();
      cell.insert(0, [content]);
    }
    (content as Y.XmlText).insert((content as Y.XmlText).length, text);
  });
}

const rowsOf = (client: TestClient) => rawTableFromYXml(tableOf(client)).rows;

it('two people editing different cells of one row both keep their value, also after a restart', async () => {
  const first = await start();
  const { id } = await newTrpcClient(first.url).documents.create.mutate({ title: 'Budget', referentialId: 'tzcld', templateId: 'budget' });
  const alice = connect(first, id);
  const bruno = connect(first, id);
  await Promise.all([alice.synced, bruno.synced]);

  // Each cell is its own element: that is what lets Yjs merge a row cell by cell.
  const poste = cellOf(alice, 1, 'poste');
  const montant = cellOf(alice, 1, 'montant');
  expect(poste).toBeInstanceOf(Y.XmlElement);
  expect(montant).toBeInstanceOf(Y.XmlElement);
  expect(poste).not.toBe(montant);

  // Online and concurrent: both edits are made before either peer has received the other's.
  typeInCell(alice, 1, 'nature', 'Produit');
  typeInCell(bruno, 1, 'montant', '12\u202f000,50 €');
  typeInCell(alice, 1, 'poste', ' départementale');
  typeInCell(bruno, 1, 'source', 'Subvention publique');

  const expectedRow = {
    poste: 'Subvention départementale',
    nature: 'Produit',
    categorie: '',
    montant: '12\u202f000,50 €',
    source: 'Subvention publique',
  };
  await waitFor(() => [alice, bruno].every((client) => JSON.stringify(rowsOf(client)[1]) === JSON.stringify(expectedRow)), {
    message: () => JSON.stringify([rowsOf(alice)[1], rowsOf(bruno)[1]]),
  });

  // Offline and concurrent: both disconnect, edit other cells of the first row, reconnect.
  alice.provider.disconnect();
  bruno.provider.disconnect();
  typeInCell(alice, 0, 'montant', '9\u00a0000');
  typeInCell(bruno, 0, 'categorie', 'Personnel');
  typeInCell(bruno, 0, 'poste', ' (2 ETP)');
  alice.provider.connect();
  bruno.provider.connect();
  const expectedFirstRow = { poste: 'Salaires (2 ETP)', nature: 'Charge', categorie: 'Personnel', montant: '9\u00a0000', source: '' };
  await waitFor(() => [alice, bruno].every((client) => JSON.stringify(rowsOf(client)[0]) === JSON.stringify(expectedFirstRow)), {
    message: () => JSON.stringify([rowsOf(alice)[0], rowsOf(bruno)[0]]),
  });
  expect(rowsOf(alice)).toHaveLength(2);
  // Each peer has the other's edits, so the server stored them (persist before broadcast).
  const dataDir = first.dataDir;
  alice.destroy();
  bruno.destroy();
  clients.length = 0;
  await first.close();
  servers.splice(servers.indexOf(first), 1);

  const second = await start(dataDir);
  const carol = connect(second, id);
  await carol.synced;
  const [stored] = typedTablesOf(yDocToProseMirrorJSON(carol.doc));
  expect(stored!.rows).toEqual([expectedFirstRow, expectedRow]);
  const budget = summarizeBudget(readTypedTable(stored!));
  expect(budget.charges.total).toBe(9000);
  expect(budget.produits.total).toBe(12000.5);
  expect(budget.bySource.map((group) => [group.key, group.charges, group.produits])).toEqual([
    ['Subvention publique', 0, 12000.5],
    [null, 9000, 0],
  ]);
});
