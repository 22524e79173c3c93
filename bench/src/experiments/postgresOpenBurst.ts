// Canevas on PostgreSQL, fresh documents opened a few at a time (what the memory scenario does):
// create N documents, then for each connect a thin client, wait for its sync step 2, send one
// page, leave. Exits 1 when an open hangs. Until 7 December 2026 about one open in a few hundred
// never received its sync step 2 with 3 or more in parallel: `SyncEngine.open` attached the
// connection to a room that the housekeeping after a flush had unloaded meanwhile (idle, no
// connection yet). It now acquires the room again (unit case in SyncEngine.test.ts).
// Run: npx tsx bench/src/experiments/postgresOpenBurst.ts [parallel=3] [documents=300]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerApi } from '../clients/ServerApi.js';
import { ThinClient } from '../clients/ThinClient.js';
import { inBatches } from '../scenarios/ScenarioContext.js';
import { Workload } from '../scenarios/Workload.js';
import { startBenchCluster } from '../servers/benchCluster.js';
import { ServerProcess } from '../servers/ServerProcess.js';

const parallel = Number(process.argv[2] ?? 3);
const count = Number(process.argv[3] ?? 300);
const dataDir = mkdtempSync(join(tmpdir(), 'open-burst-'));
const cluster = await startBenchCluster(0);
const server = new ServerProcess('canevas-postgres', dataDir, 0, { postmasterPid: cluster.postmasterPid, url: cluster.url });
let opened = 0;
let code = 0;
try {
  const api = new ServerApi(await server.start());
  const page = new Workload().smallDocument().finalUpdate;
  const docNames = await api.createDocuments(count, 'Ouverture');
  await inBatches(docNames, parallel, async (docName, i) => {
    const client = await ThinClient.connect(api, docName, 9_000 + i);
    client.send(client.codec.update(page));
    await client.close();
    opened++;
  });
  process.stdout.write(`${opened} of ${count} documents opened, ${parallel} at a time\n`);
} catch (error) {
  process.stdout.write(`after ${opened} of ${count} opens, ${parallel} at a time: ${error instanceof Error ? error.message : String(error)}\n`);
  process.stdout.write(`server log (warnings and errors): ${server.log.filter((line) => !line.includes('"level":"info"')).slice(-10).join('\n') || 'nothing'}\n`);
  code = 1;
} finally {
  await server.stop();
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
