import { describe, expect, it } from 'vitest';
import { sampleManifest } from '../testing/sampleManifest.js';
import { CORE_API_VERSION } from '../coreApiVersion.js';
import { ReferentialRegistry } from './ReferentialRegistry.js';

const other = { ...sampleManifest, id: 'autre', title: 'Autre référentiel' };

describe('ReferentialRegistry', () => {
  it('registers valid manifests and serves them and their templates', () => {
    const registry = new ReferentialRegistry();
    expect(registry.register({ origin: '@canevas/plugin-exemple', manifest: sampleManifest }).ok).toBe(true);
    expect(registry.register({ origin: '/plugins/autre.json', manifest: other }).ok).toBe(true);
    expect(registry.list().map((m) => m.id)).toEqual(['exemple', 'autre']);
    expect(registry.get('exemple')?.title).toBe('Référentiel d’exemple');
    expect(registry.template('exemple', 'budget')?.title).toBe('Budget');
    expect(registry.template('exemple', 'inconnu')).toBeUndefined();
    expect(registry.problems()).toEqual([]);
    expect(CORE_API_VERSION).toBe('1.0.0');
  });

  it('refuses a duplicate id, naming both plugins, and keeps the first', () => {
    const registry = new ReferentialRegistry();
    registry.register({ origin: '@canevas/plugin-exemple', manifest: sampleManifest });
    const result = registry.register({ origin: '/plugins/copie.json', manifest: { ...sampleManifest, title: 'Copie' } });
    expect(result.ok).toBe(false);
    expect(registry.problems()).toEqual([
      {
        origin: '/plugins/copie.json',
        referentialId: 'exemple',
        message: "Le référentiel « exemple » (/plugins/copie.json) est désactivé : id : l’identifiant « exemple » est déjà pris par @canevas/plugin-exemple",
        errors: [{ path: 'id', message: "l’identifiant « exemple » est déjà pris par @canevas/plugin-exemple" }],
      },
    ]);
    expect(registry.get('exemple')?.title).toBe('Référentiel d’exemple');
  });

  it('refuses an incompatible or invalid coreApi, naming the plugin and the field', () => {
    const registry = new ReferentialRegistry();
    registry.register({ origin: '@canevas/plugin-futur', manifest: { ...other, id: 'futur', coreApi: '^2.0.0' } });
    registry.register({ origin: 'bizarre.json', manifest: { ...other, id: 'bizarre', coreApi: 'demain' } });
    registry.register({ origin: 'ok.json', manifest: other });
    const [futur, bizarre] = registry.problems();
    expect(futur!.message).toBe(
      "Le référentiel « futur » (@canevas/plugin-futur) est désactivé : coreApi : demande l’API du cœur « ^2.0.0 », incompatible avec la version 1.0.0",
    );
    expect(bizarre!.errors[0]!.path).toBe('coreApi');
    expect(registry.list().map((m) => m.id)).toEqual(['autre']);
  });

  it('records an invalid manifest as disabled and never throws', () => {
    const registry = new ReferentialRegistry();
    const broken = { ...other, nodes: [{ ...sampleManifest.nodes[0], parent: 'cp9' }] };
    expect(() => registry.register({ origin: 'casse.json', manifest: broken })).not.toThrow();
    expect(() => registry.register({ origin: 'vide.json', manifest: null })).not.toThrow();
    const hostile = { get id(): string { throw new Error('piège'); } };
    expect(() => registry.register({ origin: 'piege.json', manifest: hostile })).not.toThrow();
    registry.register({ origin: 'ok.json', manifest: sampleManifest });
    expect(registry.problems().map((p) => p.origin)).toEqual(['casse.json', 'vide.json', 'piege.json']);
    expect(registry.problems()[0]!.message).toContain("nodes[0].parent : le parent « cp9 » n’existe pas");
    expect(registry.problems()[1]!.message).toMatch(/^Le référentiel de vide\.json est désactivé/);
    expect(registry.list().map((m) => m.id)).toEqual(['exemple']);
  });

  it('keeps rule functions per referential for custom rules', () => {
    const registry = new ReferentialRegistry();
    const fn = () => ({ ok: true });
    const withCustom = { ...other, rules: [{ id: 'maison', type: 'custom', fn: 'verifier' }] };
    registry.register({ origin: 'autre', manifest: withCustom });
    expect(registry.unresolvedCustomRules('autre').map((r) => r.id)).toEqual(['maison']);
    registry.registerRuleFunction('autre', 'verifier', fn);
    expect(registry.ruleFunctions('autre').get('verifier')).toBe(fn);
    expect(registry.unresolvedCustomRules('autre')).toEqual([]);
    expect(() => registry.registerRuleFunction('autre', 'verifier', fn)).toThrow(/déjà enregistrée/);
    registry.register({ origin: 'code', manifest: sampleManifest, ruleFunctions: { verifier: fn } });
    expect(registry.ruleFunctions('exemple').has('verifier')).toBe(true);
  });
});
