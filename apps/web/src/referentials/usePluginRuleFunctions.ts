import type { RuleFunction } from '@canevas/core';
import { useEffect, useState } from 'react';
import { pluginRuleFunctions } from './pluginRuleFunctions.js';

type Loaded = { referentialId: string; functions: Readonly<Record<string, RuleFunction>> };

/** The code plugins' rule functions for a referential; null while they load. */
export function usePluginRuleFunctions(referentialId: string): Readonly<Record<string, RuleFunction>> | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let current = true;
    pluginRuleFunctions(referentialId).then(
      (functions) => {
        if (current) setLoaded({ referentialId, functions });
      },
      (error: unknown) => {
        // A broken plugin must not hide the panel: its custom rules then report themselves unmet.
        console.warn(`Les règles du greffon pour « ${referentialId} » n’ont pas pu être chargées.`, error);
        if (current) setLoaded({ referentialId, functions: {} });
      },
    );
    return () => {
      current = false;
    };
  }, [referentialId]);
  return loaded?.referentialId === referentialId ? loaded.functions : null;
}
