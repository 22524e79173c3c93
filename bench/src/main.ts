// `pnpm bench [--quick]`: Canevas (on SQLite, and on PostgreSQL when its binaries are installed),
// Hocuspocus and the y-websocket server side by side, in one run.
// Writes bench/results/<mode>.json and docs/benchmarks.md; the last line of stdout is a one-line
// JSON summary of the ratios. See docs/benchmarks.md for the method.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL, QUICK, type BenchParams } from './BenchParams.js';
import type { CompletenessBenchResult } from './completeness/completenessBench.js';
import { LoadGenerator } from './generator/LoadGenerator.js';
import { loadAverage, processRssBytes } from './measure/procStats.js';
import { NOISY_GENERATOR_CORE, type WindowReport } from './measure/MeasureWindow.js';
import { SERVER_KINDS, type ServerKind } from './protocol/ServerKind.js';
import { analyze } from './report/analyze.js';
import type { BenchResults, MemoryResult } from './report/BenchResults.js';
import { renderMarkdown } from './report/writeMarkdown.js';
import { postgresUnavailable, startBenchCluster, type BenchCluster } from './servers/benchCluster.js';
import { ServerProcess } from './servers/ServerProcess.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB_DIST_INDEX = join(REPO_ROOT, 'apps/web/dist/index.html');

interface Options {
  params: BenchParams;
  servers: ServerKind[];
  /** --servers given: a partial run (the default set is every kind this machine can run). */
  serversChosen: boolean;
  only: Set<string> | undefined;
  serverCore: number;
  generatorCore: number;
  build: 'auto' | 'always' | 'never';
  writeDocs: boolean;
}

const SCENARIOS = ['idle', 'load', 'awareness', 'catchup', 'coldload', 'memory', 'editor', 'completeness'] as const;

/**
 * Scenarios a server kind sits out, and why. Awareness is relayed, never stored: on PostgreSQL
 * it would measure the same process doing the same thing as on SQLite. Memory would be the node
 * process's RSS alone, beside a PostgreSQL whose memory is its own configuration's.
 */
const SITS_OUT: Partial<Record<ServerKind, { scenarios: string[]; reason: string }>> = {
  'canevas-postgres': {
    scenarios: ['awareness', 'memory'],
    reason:
      'awareness never reaches the store; memory would be node’s RSS alone, beside PostgreSQL’s own',
  },
};

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
    if (inline) return inline.slice(name.length + 3);
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const list = (name: string) => value(name)?.split(',').map((item) => item.trim()).filter(Boolean);
  const quick = argv.includes('--quick');
  const chosen = list('servers') as ServerKind[] | undefined;
  const servers = chosen ?? [...SERVER_KINDS];
  for (const kind of servers) if (!SERVER_KINDS.includes(kind)) throw new Error(`unknown server ${kind} (expected ${SERVER_KINDS.join(', ')})`);
  const noPostgres = servers.includes('canevas-postgres') ? postgresUnavailable() : undefined;
  if (noPostgres !== undefined) {
    // Asked for by name, it must run; in the default set, a machine without PostgreSQL skips it.
    if (chosen) throw new Error(`canevas-postgres cannot run: ${noPostgres}`);
    servers.splice(servers.indexOf('canevas-postgres'), 1);
    log(`SKIP canevas-postgres (Canevas on PostgreSQL): ${noPostgres.split('\n')[0]}`);
  }
  const only = list('only');
  for (const scenario of only ?? []) if (!(SCENARIOS as readonly string[]).includes(scenario)) throw new Error(`unknown scenario ${scenario} (expected ${SCENARIOS.join(', ')})`);
  const cores = cpus().length;
  return {
    params: quick ? QUICK : FULL,
    servers,
    serversChosen: chosen !== undefined,
    only: only ? new Set(only) : undefined,
    serverCore: Number(value('server-core') ?? 0),
    generatorCore: Number(value('generator-core') ?? Math.min(1, cores - 1)),
    build: argv.includes('--build') ? 'always' : argv.includes('--no-build') ? 'never' : 'auto',
    writeDocs: !argv.includes('--no-docs'),
  };
}

const runStart = performance.now();
const log = (message: string) => process.stderr.write(`[bench ${((performance.now() - runStart) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

/** `--render <results.json>`: rewrites docs/benchmarks.md from a past run (after editing the notes). */
function render(file: string): number {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  const results: BenchResults = { ...stored, windows: stored.windows ?? [], errors: stored.errors ?? [] };
  writeFileSync(join(REPO_ROOT, 'docs/benchmarks.md'), renderMarkdown(results, analyze(results), relative(REPO_ROOT, file)));
  log(`docs/benchmarks.md rendered from ${relative(REPO_ROOT, file)}`);
  return 0;
}

async function main(): Promise<number> {
  const renderIndex = process.argv.indexOf('--render');
  if (renderIndex >= 0) return render(join(process.cwd(), process.argv[renderIndex + 1] ?? 'results/full.json'));
  const options = parseOptions(process.argv.slice(2));
  const { params } = options;
  const wants = (scenario: (typeof SCENARIOS)[number]) => !options.only || options.only.has(scenario);
  if (cpus().length < 2 || options.serverCore === options.generatorCore) {
    log('warning: fewer than two distinct cores; server and load generator will compete.');
  }
  if (wants('editor') && options.servers.includes('canevas')) ensureWebBuild(options.build === 'auto' && params.mode === 'quick' ? 'missing' : options.build);

  const startedAt = new Date();
  const loadAverageStart = loadAverage();
  const dataRoot = await mkdtemp(join(tmpdir(), 'canevas-bench-'));
  const servers = new Map<ServerKind, ServerProcess>();
  const results: BenchResults = {
    meta: undefined as unknown as BenchResults['meta'],
    servers: options.servers,
    idlePropagation: {},
    loads: params.loads.map(({ docs, clientsPerDoc }) => ({ label: `${docs}×${clientsPerDoc}`, results: {} })),
    awareness: {},
    catchUp: params.catchUpEdits.map((edits) => ({ edits, results: {} })),
    coldLoad: {},
    memory: {},
    windows: [],
    errors: [],
  };
  let generator: LoadGenerator | undefined;
  let cluster: BenchCluster | undefined;
  // Interrupted (Ctrl-C, a CI timeout): the cluster is a server of its own, stop it too.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    void Promise.resolve(cluster?.stop()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log(`${params.mode} run; servers on core ${options.serverCore}, load generator on core ${options.generatorCore}; data in ${dataRoot}`);
    if (options.servers.includes('canevas-postgres')) {
      cluster = await startBenchCluster(options.serverCore);
      log(`PostgreSQL ${cluster.version} started for canevas-postgres (postmaster ${cluster.postmasterPid}, pinned to core ${options.serverCore})`);
    }
    for (const kind of options.servers) {
      const dir = join(dataRoot, kind);
      mkdirSync(dir, { recursive: true });
      const postgres = kind === 'canevas-postgres' && cluster ? { postmasterPid: cluster.postmasterPid, url: cluster.url } : undefined;
      servers.set(kind, new ServerProcess(kind, dir, options.serverCore, postgres));
    }
    const starting = LoadGenerator.start(options.generatorCore);
    await Promise.all([...servers.values()].map((server) => server.start()));
    generator = await starting;
    const prepared = await generator.call.prepare({ params, pinning: { server: options.serverCore, generator: options.generatorCore } });
    log(`workload ready in ${prepared.seconds.toFixed(1)} s: 30-page trace of ${prepared.dossier.transactions} transactions, ${(prepared.dossier.finalBytes / 1024).toFixed(0)} KiB`);
    const gen = generator;

    const each = async (scenario: string, task: (server: ServerProcess) => Promise<void>) => {
      for (const server of servers.values()) {
        const sitsOut = SITS_OUT[server.kind];
        if (sitsOut && sitsOut.scenarios.some((name) => scenario.startsWith(name))) {
          log(`${scenario} · ${server.kind}: skipped (${sitsOut.reason})`);
          continue;
        }
        const started = performance.now();
        try {
          await task(server);
          log(`${scenario} · ${server.kind}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } catch (error) {
          const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
          results.errors.push({ scenario, server: server.kind, message });
          log(`${scenario} · ${server.kind}: FAILED ${message.split('\n').slice(0, 3).join(' | ')}`);
          log(`  server log tail: ${server.log.slice(-5).join(' | ')}`);
          await server.restart().catch(() => undefined);
        }
      }
    };
    const record = (scenario: string, kind: ServerKind, window: WindowReport) => {
      results.windows.push({ scenario, server: kind, window });
      const flags = [window.rejected ? 'REJECTED' : '', window.noisy ? 'noisy' : ''].filter(Boolean).join(', ');
      log(
        `  ${scenario} · ${kind}: server ${(window.serverCpuSeconds / window.wallSeconds).toFixed(2)} core, generator ${window.generatorCoreShare.toFixed(2)} core, ` +
          `others ${window.foreignLoadServerCore.toFixed(2)}/${window.foreignLoadGeneratorCore.toFixed(2)} core${flags ? ` [${flags}]` : ''}`,
      );
    };

    if (wants('idle')) {
      await each('propagation at idle', async (server) => {
        const result = await gen.call.idlePropagation(server.target);
        results.idlePropagation[server.kind] = result;
        record('propagation at idle', server.kind, result.window);
        log(`  p50 ${result.propagation.p50.toFixed(3)} ms, p99 ${result.propagation.p99.toFixed(3)} ms, max ${result.propagation.max.toFixed(3)} ms`);
      });
    }
    if (wants('load')) {
      for (const [index, shape] of params.loads.entries()) {
        const entry = results.loads[index]!;
        await each(`load ${entry.label}`, async (server) => {
          const result = await gen.call.load(server.target, shape);
          entry.results[server.kind] = result;
          record(`load ${entry.label}`, server.kind, result.window);
          log(
            `  p50 ${result.propagation.p50.toFixed(2)} ms, p99 ${result.propagation.p99.toFixed(2)} ms, max ${result.propagation.max.toFixed(2)} ms; ` +
              `${result.cpuMsPer1000Delivered.toFixed(1)} ms CPU per 1,000 delivered; delivered ${(result.deliveryRatio * 100).toFixed(2)} %; ` +
              (result.writeAmplification.postgres
                ? `write amplification ${result.writeAmplification.fileRatio.toFixed(1)}× written to files`
                : `write amplification ${result.writeAmplification.ratio.toFixed(1)}× (files ${result.writeAmplification.fileRatio.toFixed(1)}×)`),
          );
          const pg = result.writeAmplification.postgres;
          if (pg) {
            log(
              `  PostgreSQL: ${(pg.walBytes / 1024).toFixed(0)} KiB of WAL generated, ${(pg.dataBytes / 1024).toFixed(0)} KiB of data blocks written, ` +
                `${(result.writeAmplification.fileWriteBytes / 1024).toFixed(0)} KiB passed to write(); write_bytes ${(result.writeAmplification.diskWriteBytes / 1024).toFixed(0)} KiB (folio-granular, see the method)`,
            );
          }
        });
      }
    }
    if (wants('awareness')) {
      await each('awareness', async (server) => {
        const result = await gen.call.awareness(server.target);
        results.awareness[server.kind] = result;
        record('awareness', server.kind, result.window);
        log(`  ${result.bytesPerClientPerSecond.toFixed(0)} B/s per client, ${result.messagesPerSecondOut.toFixed(0)} messages/s, server ${result.serverCores.toFixed(3)} core`);
      });
    }
    if (wants('catchup')) {
      for (const entry of results.catchUp) {
        await each(`catch-up ${entry.edits}`, async (server) => {
          const result = await gen.call.catchUp(server.target, entry.edits);
          entry.results[server.kind] = result;
          log(`  push ${result.pushMs.toFixed(1)} ms, pull ${result.pullMs.toFixed(1)} ms`);
        });
      }
    }
    if (wants('coldload')) {
      const seeds = new Map<ServerKind, Awaited<ReturnType<typeof gen.call.seedColdLoad>>>();
      await each('cold load: replaying the trace', async (server) => {
        const seed = await gen.call.seedColdLoad(server.target);
        seeds.set(server.kind, seed);
        log(`  replayed ${seed.replayedUpdates} updates in ${seed.replaySeconds.toFixed(1)} s`);
      });
      await each('cold load after a restart', async (server) => {
        const seed = seeds.get(server.kind);
        if (!seed) throw new Error('no seeded documents');
        // Canevas on PostgreSQL: only the node process restarts; the cluster runs on, warm.
        await server.restart();
        const result = await gen.call.measureColdLoad(server.target, seed);
        results.coldLoad[server.kind] = { ...result, seed: { replaySeconds: seed.replaySeconds, replayedUpdates: seed.replayedUpdates } };
        log(`  first ${result.first.serverMs.toFixed(1)} ms server side (${result.first.totalMs.toFixed(1)} ms total); copies ${result.copies.map((s) => s.serverMs.toFixed(1)).join(', ')} ms`);
      });
    }
    if (wants('memory')) {
      const seeds = new Map<ServerKind, string[]>();
      await each('memory: storing the documents', async (server) => {
        seeds.set(server.kind, await gen.call.seedMemory(server.target));
      });
      await each('memory', async (server) => {
        const docNames = seeds.get(server.kind);
        if (!docNames) throw new Error('no seeded documents');
        await server.restart();
        const opened = await gen.call.openMemory(server.target, docNames);
        const { rssAfterLeftBytes } = await gen.call.closeMemory(server.target);
        await server.collectGarbage();
        const rssAfterGcBytes = processRssBytes(server.target.pid);
        const result: MemoryResult = {
          ...opened,
          rssAfterLeftBytes,
          rssAfterGcBytes,
          afterLeftRatio: rssAfterLeftBytes / opened.rssStartBytes,
          afterGcRatio: rssAfterGcBytes / opened.rssStartBytes,
        };
        results.memory[server.kind] = result;
        log(
          `  ${(result.perDocumentBytes / 1024).toFixed(1)} KiB per open document; after every client left ${(result.afterLeftRatio * 100).toFixed(1)} % of the start ` +
            `(${(result.afterGcRatio * 100).toFixed(1)} % after a forced GC)`,
        );
      });
    }
    const canevas = servers.get('canevas');
    if (wants('editor') && canevas) {
      try {
        results.editor = await gen.call.editor(canevas.target);
        const e = results.editor;
        if (e.window) record('editor', 'canevas', e.window);
        log(`editor: keystroke to paint p50 ${e.keystrokeToPaint.p50.toFixed(1)} ms, p99 ${e.keystrokeToPaint.p99.toFixed(1)} ms, max ${e.keystrokeToPaint.max.toFixed(1)} ms`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        results.errors.push({ scenario: 'editor', server: 'canevas', message });
        log(`editor: FAILED ${message.split('\n').slice(0, 3).join(' | ')}`);
      }
    }
    if (wants('completeness')) {
      results.completeness = runCompleteness(options.generatorCore, params.completenessRuns);
      const foreign = results.completeness.foreignLoad ?? 0;
      log(`completeness: median ${results.completeness.medianMs.toFixed(2)} ms, p99 ${results.completeness.p99Ms.toFixed(2)} ms; others ${foreign.toFixed(2)} core${foreign > NOISY_GENERATOR_CORE ? ' [noisy]' : ''}`);
    }

    const finishedAt = new Date();
    results.meta = {
      mode: params.mode,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
      command: `pnpm bench${params.mode === 'quick' ? ' --quick' : ''}`,
      node: process.versions.node,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      pinning: { server: options.serverCore, generator: options.generatorCore },
      loadAverageStart,
      loadAverageEnd: loadAverage(),
      gitCommit: git(['rev-parse', '--short', 'HEAD']),
      versions: { ...packageVersions(), ...(cluster && { postgresql: cluster.version }) },
      workload: { dossier: prepared.dossier, medium: prepared.medium, small: prepared.small, seconds: prepared.seconds },
      params,
    };
  } finally {
    await generator?.stop();
    for (const server of servers.values()) await server.stop();
    await cluster?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(dataRoot, { recursive: true, force: true });
  }

  const analysis = analyze(results);
  const resultsDir = join(REPO_ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const partial = options.only !== undefined || options.serversChosen;
  const resultsFile = join(resultsDir, `${params.mode}${partial ? '-partial' : ''}.json`);
  writeFileSync(resultsFile, JSON.stringify({ ...results, analysis: { targets: analysis.targets, ratios: analysis.ratios, storeRatios: analysis.storeRatios } }, null, 2) + '\n');
  log(`results written to ${relative(REPO_ROOT, resultsFile)}`);
  if (options.writeDocs && !partial) {
    const docs = join(REPO_ROOT, 'docs/benchmarks.md');
    writeFileSync(docs, renderMarkdown(results, analysis, relative(REPO_ROOT, resultsFile)));
    log(`docs/benchmarks.md written`);
  }
  for (const target of analysis.targets) log(`target ${target.met === null ? '—' : target.met ? 'met' : 'NOT met'}: ${target.label} ${target.target}: ${target.figure}`);

  const valid = analysis.rejected.length === 0 && results.errors.length === 0;
  const met = analysis.targets.filter((t) => t.met === true).length;
  const summary = {
    bench: 'canevas',
    mode: params.mode,
    valid,
    noisy: analysis.noisy.length > 0,
    targetsMet: `${met}/${analysis.targets.length}`,
    ratios: analysis.ratios,
    ...(Object.keys(analysis.storeRatios).length > 0 && { postgresOverSqlite: analysis.storeRatios }),
    results: relative(REPO_ROOT, resultsFile),
  };
  if (!valid) log(`run NOT valid: ${analysis.rejected.length} rejected window(s), ${results.errors.length} error(s)`);
  // Exit 0 whenever the run completed, so that the summary stays the last line even under pnpm;
  // "valid": false says a window was rejected or a scenario failed.
  process.stdout.write(JSON.stringify(summary) + '\n');
  return 0;
}

function runCompleteness(core: number, runs: number): CompletenessBenchResult {
  const entry = fileURLToPath(new URL('./completeness/completenessProcess.ts', import.meta.url));
  const output = execFileSync('taskset', ['-c', String(core), process.execPath, '--import', 'tsx', entry, String(runs), String(core)], { cwd: REPO_ROOT });
  return JSON.parse(output.toString().trim().split('\n').pop()!) as CompletenessBenchResult;
}

/**
 * The editor scenario needs apps/web/dist: built when missing, and in full runs also when older
 * than the web and core sources (`--build` forces it, `--no-build` never builds).
 */
function ensureWebBuild(mode: Options['build'] | 'missing'): void {
  if (mode === 'never') return;
  if (mode === 'missing') {
    if (existsSync(WEB_DIST_INDEX)) return;
    mode = 'always';
  }
  const stale = !existsSync(WEB_DIST_INDEX) || newestMtime([join(REPO_ROOT, 'apps/web/src'), join(REPO_ROOT, 'packages/core/src')]) > statSync(WEB_DIST_INDEX).mtimeMs;
  if (mode === 'auto' && !stale) return;
  log('building the web app (pnpm build)…');
  execSync('pnpm build', { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return newest;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  const roots = [join(REPO_ROOT, 'bench/node_modules'), join(REPO_ROOT, 'node_modules/.pnpm/node_modules')];
  for (const name of ['@hocuspocus/server', '@hocuspocus/extension-sqlite', '@y/websocket-server', 'y-leveldb', 'yjs', 'ws', 'better-sqlite3', 'pg']) {
    const file = roots.map((root) => join(root, name, 'package.json')).find((path) => existsSync(path));
    versions[name] = file ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
  }
  return versions;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
