import { ANONYMOUS_PROCEDURES } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { appRouter } from './router.js';
import type { ProcedureMeta } from './trpc.js';

describe('batch rules', () => {
  it('lists in core exactly the procedures the server treats as anonymous, so clients never batch one', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>;
    const anonymous = Object.entries(procedures)
      .filter(([, procedure]) => procedure._def.meta?.anonymous)
      .map(([path]) => path);
    expect(anonymous.sort()).toEqual([...ANONYMOUS_PROCEDURES].sort());
  });
});
