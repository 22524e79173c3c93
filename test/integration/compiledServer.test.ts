import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../apps/sync-server/dist/', import.meta.url));

/** Runs an ES module script with plain node (no tsx), from the repository's root. */
function runNode(args: string[], source: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args, '--input-type=module', '-e', source], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// A resolve hook, registered before the CLI loads, that prints every package the process imports.
const LIST_PACKAGES = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(
    `export async function resolve(specifier, context, next) { if (!/^(node:|[.]|\\/|file:|data:)/.test(specifier)) process.stderr.write('package ' + specifier + '\\n'); return next(specifier, context); }`,
  )}));`,
)}`;

describe('the compiled server (apps/sync-server/dist)', () => {
  it('maps stack traces of the bundle to the TypeScript sources', async () => {
    const result = await runNode(
      [],
      `const server = await import(${JSON.stringify(`${DIST}index.js`)});
       server.mapCompiledStackTraces();
       try { await server.openStores({ role: 'server', dataDir: '/nonexistent', databaseUrl: 'mysql://nowhere' }); }
       catch (error) { console.log(error.stack); }`,
    );
    expect(result.stdout).toContain('StoresUnavailableError: DATABASE_URL doit commencer par postgres://');
    expect(result.stdout).toMatch(/at .*openStores \(\/.*\/apps\/sync-server\/src\/store\/openStores\.ts:\d+:\d+\)/);
    expect(result.stdout).not.toContain('dist/chunk-');
  });

  it('prints `help` without loading any package: each command loads when it runs', async () => {
    const result = await runNode(['--import', LIST_PACKAGES], `process.argv.push('help'); await import(${JSON.stringify(`${DIST}cli.js`)});`);
    expect(result.stdout).toContain('Usage : pnpm canevas <commande>');
    expect(result.stdout).toContain('restore');
    expect(result.stderr).not.toMatch(/^package /m);
  });

  it('serves without loading PostgreSQL, Redis, single sign-on, the exporters or the editor schema until they are used', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'canevas-compiled-'));
    try {
      const child = spawn(process.execPath, ['--import', LIST_PACKAGES, `${DIST}cli.js`, 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const closed = new Promise((resolve) => child.once('close', resolve));
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => line.includes('http://') && resolve());
        void closed.then(() => reject(new Error(`the server stopped before listening:\n${stderr}`)));
      });
      child.kill('SIGTERM');
      await closed;
      const packages = new Set([...stderr.matchAll(/^package (\S+)$/gm)].map((match) => match[1]));
      // What it needs to serve a document is there…
      for (const needed of ['yjs', 'ws', 'better-sqlite3']) expect(packages).toContain(needed);
      // …and nothing else.
      for (const unused of ['pg', 'ioredis', 'openid-client', 'docx', 'pdfmake', '@tiptap/core', '@tiptap/pm/model']) expect(packages).not.toContain(unused);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
