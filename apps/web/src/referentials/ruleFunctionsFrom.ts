import { readPluginRules, type RuleFunction } from '@canevas/core';

/** Package name → the import of its rules entry (see `pluginRuleEntries.ts`). */
export type RuleEntryLoaders = Readonly<Record<string, () => Promise<Record<string, unknown>>>>;

/**
 * Merges the rule functions of every plugin rules entry that serves `referentialId`. An entry
 * that exports nothing usable is skipped: the server refused that plugin already.
 */
export async function ruleFunctionsFrom(loaders: RuleEntryLoaders, referentialId: string): Promise<Record<string, RuleFunction>> {
  const entries = await Promise.all(Object.values(loaders).map((load) => load()));
  const functions: Record<string, RuleFunction> = {};
  for (const entry of entries) {
    const read = readPluginRules(entry);
    if ('rules' in read && read.rules.referentialId === referentialId) Object.assign(functions, read.rules.ruleFunctions);
  }
  return functions;
}
