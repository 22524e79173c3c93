import type { RuleFunction } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { ruleFunctionsFrom } from './pluginRuleFunctions.js';

const ok: RuleFunction = () => ({ ok: true });
const ko: RuleFunction = () => ({ ok: false, message: 'Manquant.' });

describe('ruleFunctionsFrom', () => {
  it('takes the functions of the entries that serve the referential, by folder name or declared id', async () => {
    const loaders = {
      '../../../../packages/plugins/tzcld/src/web.ts': async () => ({ ruleFunctions: { phases: ok } }),
      '../../../../packages/plugins/outils-tzcld/src/web.ts': async () => ({ referentialId: 'tzcld', ruleFunctions: { budget: ko } }),
      '../../../../packages/plugins/cefi/src/web.ts': async () => ({ ruleFunctions: { pages: ok } }),
      '../../../../packages/plugins/vide/src/web.ts': async () => ({}),
    };
    expect(await ruleFunctionsFrom(loaders, 'tzcld')).toEqual({ phases: ok, budget: ko });
    expect(await ruleFunctionsFrom(loaders, 'pdie')).toEqual({});
  });
});
