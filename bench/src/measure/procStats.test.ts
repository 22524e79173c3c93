import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { treeTotals } from './procStats.js';

const MIB = 1024 * 1024;

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function children(pid: number): string {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
}

describe('treeTotals', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('keeps counting a child the root has reaped: its file writes move to the root, as a PostgreSQL backend’s do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-tree-'));
    // sh runs dd in the foreground (so reaps it), then waits on its stdin: alive, childless.
    const root = spawn('sh', ['-c', `dd if=/dev/zero of=${join(dir, 'out')} bs=65536 count=64 2>/dev/null; read line`], { stdio: ['pipe', 'ignore', 'ignore'] });
    cleanups.push(() => {
      root.stdin.end();
      rmSync(dir, { recursive: true, force: true });
    });
    const pid = root.pid!;
    await until(() => treeTotals(pid).io.wchar >= 4 * MIB && children(pid) === '');
    expect(treeTotals(pid).io.wchar).toBeGreaterThanOrEqual(4 * MIB);
    expect(treeTotals(pid).cpuSeconds).toBeGreaterThanOrEqual(0);
  });

  it('counts nothing of a process outside the tree', async () => {
    const root = spawn('sh', ['-c', 'read line'], { stdio: ['pipe', 'ignore', 'ignore'] });
    cleanups.push(() => root.stdin.end());
    const pid = root.pid!;
    await until(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sh'));
    const before = treeTotals(pid).io.wchar;
    const dir = mkdtempSync(join(tmpdir(), 'bench-tree-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const outsider = spawn('dd', ['if=/dev/zero', `of=${join(dir, 'out')}`, 'bs=65536', 'count=64'], { stdio: 'ignore' });
    await new Promise((resolve) => outsider.once('exit', resolve));
    expect(treeTotals(pid).io.wchar - before).toBeLessThan(MIB);
  });
});
