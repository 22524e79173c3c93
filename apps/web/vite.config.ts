import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pluginRules } from './pluginRuleEntries.js';

// In development the API and the sync socket live on the Node server; proxying them keeps the
// app on one origin, as in production where the server serves dist/ itself.
const serverUrl = process.env.CANEVAS_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), pluginRules()],
  server: {
    proxy: {
      '/trpc': { target: serverUrl },
      '/export': { target: serverUrl },
      '/auth/oidc': { target: serverUrl },
      '/sync': { target: serverUrl.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
