import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './Command.js';

/** node:util parseArgs, with its errors turned into usage errors (exit code 2). */
export function parseOptions<const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`L’option --${flag} est obligatoire.`);
  return value;
}
