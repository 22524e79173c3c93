import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './Command.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs, with its errors turned into usage errors (exit code 2), made safe for ids
 * that begin with `-` (ids printed before they were drawn without one, see `newId`):
 * - an option that takes a value takes the next argument whatever it looks like
 *   (`--workspace -Xy…`), unless that argument is one of the command's own options (a value
 *   forgotten); `--workspace=-Xy…` works too;
 * - an argument beginning with a single `-` is a positional (`doc export -Xy…`): no command
 *   declares one-letter options, so it cannot be one;
 * - everything after `--` is positional, as usual (for ids beginning with `--`).
 */
export function parseOptions<const T extends OptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({ args: arrange(argv, options), options, strict: true, allowPositionals: true });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

/**
 * The same arguments with every option first, as `--name=value` when it takes a value, then `--`
 * and the positionals in their order: parseArgs then reads nothing beginning with `-` as an option.
 */
function arrange(argv: readonly string[], options: OptionsConfig): string[] {
  const declared = (token: string): boolean => {
    const match = /^--([^=]+)/.exec(token);
    return match !== null && Object.hasOwn(options, match[1]!);
  };
  const arranged: string[] = [];
  const positionals: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (token.startsWith('--')) {
      const name = token.slice(2);
      const value = argv[index + 1];
      if (!name.includes('=') && Object.hasOwn(options, name) && options[name]!.type === 'string' && value !== undefined) {
        if (value === '--' || declared(value)) throw new UsageError(`L’option --${name} attend une valeur.`);
        arranged.push(`--${name}=${value}`);
        index++;
      } else {
        // `--name=value`, a flag, or an unknown option that parseArgs refuses by name.
        arranged.push(token);
      }
    } else if (token.startsWith('-') && token.length > 2) {
      positionals.push(token);
    } else {
      // A plain positional, or `-x`/`-` that parseArgs judges.
      (token.startsWith('-') && token !== '-' ? arranged : positionals).push(token);
    }
  }
  return positionals.length > 0 ? [...arranged, '--', ...positionals] : arranged;
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`L’option --${flag} est obligatoire.`);
  return value;
}
