import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from './Command.js';
import { parseOptions } from './parseOptions.js';

const EXPORT_OPTIONS = { format: { type: 'string' }, out: { type: 'string' }, workspace: { type: 'string' }, all: { type: 'boolean' } } as const;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Ids as the server printed them, of every length it used, often beginning with `-`. */
const printedId = fc.oneof(
  fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 11, maxLength: 22 }),
  fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 10, maxLength: 21 }).map((rest) => `-${rest}`),
);

describe('parseOptions', () => {
  it('takes the next argument as the value of an option, even when it begins with « - »', () => {
    const { values } = parseOptions(['--workspace', '-Xy4kQ2mZ0aB7cD9e', '--format', 'md'], EXPORT_OPTIONS);
    expect(values).toEqual({ workspace: '-Xy4kQ2mZ0aB7cD9e', format: 'md' });
    expect(parseOptions(['--workspace=-Xy4kQ2mZ0aB7cD9e'], EXPORT_OPTIONS).values.workspace).toBe('-Xy4kQ2mZ0aB7cD9e');
    expect(parseOptions(['--workspace', '--Xy4kQ2mZ0aB7cD9'], EXPORT_OPTIONS).values.workspace).toBe('--Xy4kQ2mZ0aB7cD9');
  });

  it('reads an id beginning with « - » as a positional, before or after the options, and anything after « -- »', () => {
    expect(parseOptions(['-Xy4kQ2mZ0aB7cD9eFgHiJ', '--format', 'md'], EXPORT_OPTIONS).positionals).toEqual(['-Xy4kQ2mZ0aB7cD9eFgHiJ']);
    expect(parseOptions(['--format', 'md', 'abc', '-Xy4kQ2mZ0aB7cD9eFgHiJ'], EXPORT_OPTIONS).positionals).toEqual(['abc', '-Xy4kQ2mZ0aB7cD9eFgHiJ']);
    const { values, positionals } = parseOptions(['--format', 'md', '--', '--Xy4kQ2mZ0aB7cD9eFgHi', '--out'], EXPORT_OPTIONS);
    expect([values, positionals]).toEqual([{ format: 'md' }, ['--Xy4kQ2mZ0aB7cD9eFgHi', '--out']]);
  });

  it('accepts every id the server ever printed, in every form the usage shows', () => {
    fc.assert(
      fc.property(printedId, printedId, (documentId, workspaceId) => {
        const spaced = parseOptions(['--format', 'md', '--workspace', workspaceId, '--', documentId], EXPORT_OPTIONS);
        expect([spaced.values.workspace, spaced.positionals]).toEqual([workspaceId, [documentId]]);
        const joined = parseOptions([`--workspace=${workspaceId}`], EXPORT_OPTIONS);
        expect(joined.values.workspace).toBe(workspaceId);
        if (!documentId.startsWith('--')) expect(parseOptions([documentId, '--format', 'md'], EXPORT_OPTIONS).positionals).toEqual([documentId]);
      }),
      { numRuns: 100 },
    );
  });

  it('says which option lacks its value rather than taking the next option as one', () => {
    expect(() => parseOptions(['--workspace', '--format', 'md'], EXPORT_OPTIONS)).toThrow(new UsageError('L’option --workspace attend une valeur.'));
    expect(() => parseOptions(['--workspace', '--all'], EXPORT_OPTIONS)).toThrow('L’option --workspace attend une valeur.');
    expect(() => parseOptions(['--workspace'], EXPORT_OPTIONS)).toThrow(UsageError);
  });

  it('still refuses unknown options and values given to a flag, as usage errors', () => {
    expect(() => parseOptions(['--fromat', 'md'], EXPORT_OPTIONS)).toThrow(UsageError);
    expect(() => parseOptions(['--all=oui'], EXPORT_OPTIONS)).toThrow(UsageError);
    expect(parseOptions(['--all', 'abc'], EXPORT_OPTIONS)).toMatchObject({ values: { all: true }, positionals: ['abc'] });
  });
});
