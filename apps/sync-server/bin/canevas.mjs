/* global process, URL */
// `pnpm canevas …`: the compiled CLI (dist/cli.js) under plain node. When dist/ is missing, or
// older than a source it is built from (a fresh clone, a `git pull`, an edit), it is rebuilt
// first (scripts/buildServer.ts, about a second), so that a stale build never runs. Checking
// costs a few milliseconds: one stat per source file.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const APP = fileURLToPath(new URL('..', import.meta.url));
const REPO = join(APP, '../..');
const STAMP = join(APP, 'dist/build-stamp.json');
const PLUGINS = join(REPO, 'packages/plugins');

function newerThan(path, since) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return false;
  // A folder's time changes when a file is added, removed or renamed in it.
  if (stat.mtimeMs > since) return true;
  if (!stat.isDirectory()) return false;
  return readdirSync(path).some((name) => newerThan(join(path, name), since));
}

/**
 * What the bundle is made of: the app's sources and build script, the core's, and each
 * workspace plugin's (its package.json declares the entries). Only these: type-checking and
 * tests write other files in the packages (tsbuildinfo, temporary folders).
 */
function stale(since) {
  const plugins = readdirSync(PLUGINS).filter((name) => !name.startsWith('.') && name !== 'node_modules').map((name) => join(PLUGINS, name));
  const sources = [join(APP, 'src'), join(APP, 'scripts'), join(APP, 'package.json'), join(REPO, 'packages/core/src'), join(REPO, 'packages/core/package.json'), PLUGINS];
  return [...sources, ...plugins.flatMap((dir) => [join(dir, 'src'), join(dir, 'package.json')])].some((path) =>
    path === PLUGINS ? statSync(path).mtimeMs > since : newerThan(path, since),
  );
}

const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs;
if (built === undefined || stale(built)) {
  const build = spawnSync(process.execPath, ['--import', 'tsx', join(APP, 'scripts/buildServer.ts')], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(pathToFileURL(join(APP, 'dist/cli.js')).href);
