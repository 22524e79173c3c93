import type { RuleFunction } from '@canevas/core';

/** What a code plugin's optional web entry, `packages/plugins/<folder>/src/web.ts`, exports. */
export interface PluginWebEntry {
  /** The referential these functions serve; the plugin's folder name when omitted. */
  referentialId?: string;
  /** Functions that the manifest's `custom` rules name (`fn`). */
  ruleFunctions?: Readonly<Record<string, RuleFunction>>;
}

type EntryLoaders = Record<string, () => Promise<PluginWebEntry>>;

// Globbed at build time, so adding a plugin never changes apps/web; lazy, so a plugin's code is
// fetched only when a document needs rule functions.
const webEntries: EntryLoaders = import.meta.glob<PluginWebEntry>('../../../../packages/plugins/*/src/web.ts', {
  import: '*',
});

const FOLDER = /\/plugins\/([^/]+)\/src\/web\.ts$/;

/** Merges the rule functions of every web entry that serves `referentialId`. */
export async function ruleFunctionsFrom(
  loaders: EntryLoaders,
  referentialId: string,
): Promise<Record<string, RuleFunction>> {
  const entries = await Promise.all(
    Object.entries(loaders).map(async ([path, load]) => ({ folder: FOLDER.exec(path)?.[1], entry: await load() })),
  );
  const functions: Record<string, RuleFunction> = {};
  for (const { folder, entry } of entries) {
    if ((entry.referentialId ?? folder) === referentialId) Object.assign(functions, entry.ruleFunctions);
  }
  return functions;
}

/** The rule functions that code plugins contribute to a referential in the browser. */
export function pluginRuleFunctions(referentialId: string): Promise<Record<string, RuleFunction>> {
  return ruleFunctionsFrom(webEntries, referentialId);
}
