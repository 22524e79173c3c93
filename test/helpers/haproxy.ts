import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.js';

/** The balancer's configuration that operators run (deploy/compose.yaml): the tests start the same file. */
export const HAPROXY_CONFIG = fileURLToPath(new URL('../../deploy/haproxy.cfg', import.meta.url));

/**
 * Debian's HAProxy (`scripts/setup.sh` installs it) in front of test instances, on a free
 * loopback port, with deploy/haproxy.cfg as is: the addresses and the check interval come from
 * the environment variables that file reads. Killed with the test process at worst.
 */
export interface ThrowawayBalancer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/sync */
  syncUrl: string;
  /** Everything HAProxy wrote (its request log and its notices about servers going up or down). */
  output: string[];
  /**
   * Whether HAProxy takes `server` (canevas1…3) as up, from its last notice about it (servers
   * start up; a check failing `fall` times in a row marks one down, passing `rise` times up).
   */
  isUp(server: string): boolean;
  stop(): Promise<void>;
}

/** The haproxy binary, or undefined where it is not installed (the tests then skip). */
export function haproxyBinary(): string | undefined {
  const candidates = [process.env.HAPROXY, ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'haproxy')), '/usr/sbin/haproxy'];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

/**
 * Starts HAProxy balancing across `instances` (host:port, one to three: the configuration names
 * three servers, and fewer are repeated to fill them). `checkIntervalMs` is the health checks'
 * interval (the file's default is 2 s).
 */
export async function startBalancer(instances: readonly string[], options: { checkIntervalMs?: number } = {}): Promise<ThrowawayBalancer> {
  const binary = haproxyBinary();
  if (!binary) throw new Error('haproxy is not installed (scripts/setup.sh installs it).');
  if (instances.length < 1 || instances.length > 3) throw new Error('startBalancer: one to three instances.');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CANEVAS_BIND: `127.0.0.1:${port}`,
      CANEVAS_CHECK_MS: String(options.checkIntervalMs ?? 2000),
    };
    for (let index = 0; index < 3; index++) env[`CANEVAS_INSTANCE_${index + 1}`] = instances[index % instances.length];
    const output: string[] = [];
    // -db: in the foreground, not daemonized, so the test owns the process.
    const child = spawn(binary, ['-db', '-f', HAPROXY_CONFIG], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    try {
      await listening(child, port, output);
    } catch (error) {
      process.off('exit', killOnExit);
      child.kill('SIGKILL');
      // Another process took the port between our probe and HAProxy's bind.
      if (attempt < 3 && output.some((line) => line.includes('cannot bind'))) continue;
      throw error;
    }
    return {
      url: `http://127.0.0.1:${port}`,
      syncUrl: `ws://127.0.0.1:${port}/sync`,
      output,
      isUp(server) {
        const notice = new RegExp(`Server instances/${server} is (UP|DOWN)`);
        for (let index = output.length - 1; index >= 0; index--) {
          const match = notice.exec(output[index]!);
          if (match) return match[1] === 'UP';
        }
        return true;
      },
      async stop() {
        process.off('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      },
    };
  }
}

/** Resolves once HAProxy accepts connections on `port`; rejects if it exits first. */
async function listening(child: ChildProcess, port: number, output: string[]): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`haproxy exited before listening:\n${output.join('\n')}`);
    if (Date.now() > deadline) throw new Error(`haproxy did not listen on ${port}:\n${output.join('\n')}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
