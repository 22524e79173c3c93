import { describe, expect, it } from 'vitest';
import { UsageError, type Command, type CommandIO } from './Command.js';
import { runCli } from './runCli.js';

function io(): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), env: {} };
}

const echo: Command = {
  name: 'echo',
  summary: 'répète ses arguments',
  usage: 'Usage : pnpm canevas echo <mots>',
  async run(argv, { stdout }) {
    if (argv.length === 0) throw new UsageError('Il manque les mots.');
    stdout(argv.join(' '));
    return 0;
  },
};

describe('runCli', () => {
  it('dispatches to the named command', async () => {
    const streams = io();
    expect(await runCli([echo], ['echo', 'bonjour'], streams)).toBe(0);
    expect(streams.out).toEqual(['bonjour']);
  });

  it('prints the usage and exits with 2 for an unknown command', async () => {
    const streams = io();
    expect(await runCli([echo], ['inconnue'], streams)).toBe(2);
    expect(streams.err.join('')).toContain('Commande inconnue : inconnue');
    expect(streams.err.join('')).toContain('echo  répète ses arguments');
  });

  it('turns a UsageError into its message, the command usage and exit code 2', async () => {
    const streams = io();
    expect(await runCli([echo], ['echo'], streams)).toBe(2);
    expect(streams.err.join('')).toBe('Il manque les mots.\n\nUsage : pnpm canevas echo <mots>\n');
  });
});
