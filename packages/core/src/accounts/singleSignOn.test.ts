import { expect, it } from 'vitest';
import { SINGLE_SIGN_ON_FAILURES, singleSignOnFailureMessage } from './singleSignOn.js';

it('gives the French message of a known reason only, nothing for anything else read from the URL', () => {
  expect(singleSignOnFailureMessage('no_account')).toBe(SINGLE_SIGN_ON_FAILURES.no_account);
  for (const other of [null, undefined, '', 'toString', '__proto__', '<script>']) expect(singleSignOnFailureMessage(other)).toBeUndefined();
});
