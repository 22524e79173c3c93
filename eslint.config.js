import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'bench/results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Stores are reached through their interfaces (docs/adr/0007-store-contract.md): asking
      // which engine a store is would let engine-specific code leak past the contract.
      'no-restricted-syntax': ['error', {
        selector: "BinaryExpression[operator='instanceof'][right.name=/(Store|Stores)$/]",
        message: 'No instanceof on a store: use its interface, or a capability of Stores (see docs/adr/0007-store-contract.md).',
      }],
    },
  },
  {
    // The core is isomorphic and must never import a plugin, Node or an app.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@canevas/plugin-*', '@canevas/sync-server', '@canevas/web'], message: 'The core never imports a plugin or an app.' },
          { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'packages/core is isomorphic: no Node imports.' },
        ],
      }],
    },
  },
  {
    // Plugins depend only on the core's public entry.
    files: ['packages/plugins/**/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@canevas/core/*', '@canevas/sync-server', '@canevas/web'], message: 'Plugins import only @canevas/core.' }],
      }],
    },
  },
);
