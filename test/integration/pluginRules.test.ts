import { fileURLToPath, pathToFileURL } from 'node:url';
import { completenessWording, readReviewState, reviewRoomOf } from '@canevas/core';
import { loadReferentials, type LoadedReferentials } from '@canevas/sync-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRuleEntries } from '../../apps/web/pluginRuleEntries.js';
import { computeCompleteness } from '../../apps/web/src/completeness/computeCompleteness.js';
import { ruleFunctionsFrom } from '../../apps/web/src/referentials/ruleFunctionsFrom.js';
import { newClient, newServer, newTrpcClient, waitFor, writeInSection, type TestServer } from '../helpers/index.js';
import { storedContent } from './exportFixture.js';

// One plugin, `atelier`, whose custom rule lives in its rules entry (test/fixtures/plugins).
const FIXTURE_PLUGINS = fileURLToPath(new URL('../fixtures/plugins/', import.meta.url));
const MESSAGE = 'La section « Présentation » compte 5 mots, il en faut 12.';

let referentials: LoadedReferentials;
let server: TestServer;

beforeAll(async () => {
  referentials = await loadReferentials({ codePluginsDir: FIXTURE_PLUGINS });
  expect(referentials.problems).toEqual([]);
  server = await newServer({ referentials });
});

afterAll(async () => {
  await server?.dispose();
});

/** What the web app loads: the rules entries found as its Vite plugin finds them. */
function webRuleFunctions(referentialId: string) {
  const loaders = Object.fromEntries(
    findRuleEntries(FIXTURE_PLUGINS).map(({ name, path }) => [name, () => import(pathToFileURL(path).href) as Promise<Record<string, unknown>>]),
  );
  return ruleFunctionsFrom(loaders, referentialId);
}

describe('a code plugin’s custom rule', () => {
  it('gives the same result in the live panel and in the exported annex', async () => {
    const { id } = await newTrpcClient(server.url).documents.create.mutate({
      title: 'Ma présentation',
      referentialId: 'atelier',
      templateId: 'dossier',
      workspaceId: server.admin.workspaceId,
    });
    const content = newClient(server.syncUrl, id);
    const review = newClient(server.syncUrl, reviewRoomOf(id));
    try {
      await Promise.all([content.synced, review.synced]);
      writeInSection(content.doc, 'presentation', 'Je dirige un petit atelier.');
      await waitFor(async () => JSON.stringify(await storedContent(server, id)).includes('petit atelier'));

      const ruleFunctions = await webRuleFunctions('atelier');
      expect(Object.keys(ruleFunctions)).toEqual(['motsDansLaSection']);
      const manifest = referentials.registry.get('atelier')!;
      const { report } = computeCompleteness({
        manifest,
        templateId: 'dossier',
        contentDoc: content.doc,
        ...readReviewState(content.doc, review.doc),
        ruleFunctions,
      });
      const panel = completenessWording(manifest, report);
      expect(panel.toComplete).toContainEqual({ severity: 'warning', message: MESSAGE });

      const markdown = new TextDecoder().decode(
        new Uint8Array(
          await (
            await fetch(`${server.url}/export/dossier?format=md&ids=${id}`, { headers: { authorization: `Bearer ${server.admin.token}` } })
          ).arrayBuffer(),
        ),
      );
      const annex = markdown.slice(markdown.indexOf('## Annexe — Complétude du dossier'));
      expect(annex).toContain(`**Complétude :** ${panel.score}, ${panel.checks}`);
      for (const item of panel.toComplete) expect(annex).toContain(item.message);
      expect(annex).toContain(MESSAGE);
    } finally {
      content.destroy();
      review.destroy();
    }
  });
});
