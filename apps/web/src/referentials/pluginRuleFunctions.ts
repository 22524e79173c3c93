import type { RuleFunction } from '@canevas/core';
import loaders from 'virtual:canevas-plugin-rules';
import { ruleFunctionsFrom } from './ruleFunctionsFrom.js';

/**
 * The rule functions that code plugins contribute to a referential in the browser: the same
 * rules entries the server loads (package.json `canevas.referential.rules`), so the live panel
 * and the exports evaluate the same custom rules.
 */
export function pluginRuleFunctions(referentialId: string): Promise<Record<string, RuleFunction>> {
  return ruleFunctionsFrom(loaders, referentialId);
}
