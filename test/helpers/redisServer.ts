import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './freePort.js';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway Redis on loopback for the multi-instance tests: Debian's `redis-server`
 * (`scripts/setup.sh` installs it), a free port, nothing saved (`--save ''`, no AOF): Canevas keeps
 * nothing in Redis that PostgreSQL does not have, and a restart loses everything, as the tests
 * want. Stopped by `stop()`, and killed with the test process at worst.
 */
export interface ThrowawayRedis {
  url: string;
  port: number;
  /** Stops the server (SIGKILL: nothing is kept), leaving the port to `resume`. */
  halt(): Promise<void>;
  /** Starts it again, empty, on the same port. */
  resume(): Promise<void>;
  /** Runs one command with redis-cli (the tests' fault injection). */
  command(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** The redis-server binary, or undefined where it is not installed (the tests then skip). */
export function redisServerBinary(): string | undefined {
  const candidates = [process.env.REDIS_SERVER, ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server')), '/usr/bin/redis-server'];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const binary = redisServerBinary();
  if (!binary) throw new Error('redis-server is not installed (scripts/setup.sh installs it).');
  let port = 0;
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  const start = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        child = await launch(binary, port || (await freePort()));
        port = Number(child.spawnargs[child.spawnargs.indexOf('--port') + 1]);
        return;
      } catch (error) {
        // Another process took the port between our probe and the server's bind.
        if (attempt >= 3 || port !== 0) throw error;
      }
    }
  };
  const halt = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    get url() {
      return `redis://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    halt,
    async resume() {
      await start();
    },
    async command(...args) {
      const { stdout } = await run('redis-cli', ['-p', String(port), ...args]);
      return stdout.trim();
    },
    async stop() {
      await halt();
      process.off('exit', killOnExit);
    },
  };
}

/** Starts redis-server and resolves once it accepts connections (its own log line says so). */
function launch(binary: string, port: number): Promise<ChildProcess> {
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'notice'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Ready to accept connections')) return;
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining its output, which would otherwise fill the pipe and block it.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(child);
    };
    const onExit = (code: number | null) => reject(new Error(`redis-server exited (${code}) before it was ready: ${output.slice(-500)}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', onExit);
  });
}
