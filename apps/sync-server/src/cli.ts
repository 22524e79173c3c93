import { commands } from './cli/commands.js';
import { runCli } from './cli/runCli.js';
import { mapCompiledStackTraces } from './compiledStackTraces.js';

mapCompiledStackTraces();

const exitCode = await runCli(commands, process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
// Exit explicitly: a clean shutdown must not wait for stray timers of third-party code.
process.exit(exitCode);
