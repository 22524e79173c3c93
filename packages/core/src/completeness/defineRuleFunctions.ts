import type { RuleFunction } from './RuleFunction.js';

/**
 * What a code plugin's rules entry exports as `rules`: the functions behind its manifest's
 * `custom` rules, for one referential. The entry is isomorphic (it imports `@canevas/core` only):
 * the server loads it for its registry and the exports, the web app for the live panel, so both
 * evaluate the same rules.
 */
export interface PluginRules {
  referentialId: string;
  ruleFunctions: Readonly<Record<string, RuleFunction>>;
}

/** Declares a plugin's rule functions: `export const rules = defineRuleFunctions('cip', { … })`. */
export function defineRuleFunctions(referentialId: string, ruleFunctions: Readonly<Record<string, RuleFunction>>): PluginRules {
  return { referentialId, ruleFunctions };
}

/** Checks what a rules entry exported; returns the French reason when it is not usable. */
export function readPluginRules(entry: Record<string, unknown>): { rules: PluginRules } | { problem: { path: string; message: string } } {
  const rules = entry.rules as Partial<PluginRules> | undefined;
  if (rules === undefined || typeof rules !== 'object' || rules === null) {
    return { problem: { path: 'rules', message: 'l’entrée de règles doit exporter « rules », fait avec defineRuleFunctions()' } };
  }
  if (typeof rules.referentialId !== 'string' || rules.referentialId === '') {
    return { problem: { path: 'rules.referentialId', message: 'identifiant du référentiel attendu' } };
  }
  const functions = rules.ruleFunctions;
  if (typeof functions !== 'object' || functions === null) {
    return { problem: { path: 'rules.ruleFunctions', message: 'un objet nom → fonction est attendu' } };
  }
  const invalid = Object.entries(functions).find(([, fn]) => typeof fn !== 'function');
  if (invalid) return { problem: { path: `rules.ruleFunctions.${invalid[0]}`, message: 'une fonction de règle est attendue' } };
  return { rules: { referentialId: rules.referentialId, ruleFunctions: functions } };
}
