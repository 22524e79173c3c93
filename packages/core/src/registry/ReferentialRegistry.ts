import semver from 'semver';
import type { CompletenessRule, ReferentialManifest, Template } from '../referential/manifestSchema.js';
import { validateManifest, type ManifestError } from '../referential/validateManifest.js';
import type { RuleFunction } from '../completeness/RuleFunction.js';
import { CORE_API_VERSION } from '../coreApiVersion.js';

export interface ReferentialSource {
  /** The package name or the file path the manifest came from, to name it in errors. */
  origin: string;
  manifest: unknown;
  /** Rule functions of a code plugin, by the name its `custom` rules use. */
  ruleFunctions?: Record<string, RuleFunction>;
}

/** A plugin the registry disabled, with why. */
export interface RegistryProblem {
  origin: string;
  /** The manifest's id when it could be read. */
  referentialId?: string;
  /** « Le référentiel « tzcld » (@canevas/plugin-tzcld) est désactivé : … » */
  message: string;
  errors: ManifestError[];
}

export type RegistrationResult =
  | { ok: true; manifest: ReferentialManifest }
  | { ok: false; problem: RegistryProblem };

function idOf(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  try {
    const id = (manifest as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The referentials the app knows. Registration validates each manifest; a faulty plugin is
 * recorded as disabled with its errors and never stops the others.
 */
export class ReferentialRegistry {
  readonly #entries = new Map<string, { origin: string; manifest: ReferentialManifest }>();
  readonly #problems: RegistryProblem[] = [];
  readonly #ruleFunctions = new Map<string, Map<string, RuleFunction>>();
  readonly #coreVersion: string;

  constructor(options: { coreVersion?: string } = {}) {
    this.#coreVersion = options.coreVersion ?? CORE_API_VERSION;
  }

  register(source: ReferentialSource): RegistrationResult {
    try {
      return this.#register(source);
    } catch (error) {
      // A hostile manifest (getters, proxies) must not take the app down either.
      const reason = error instanceof Error ? error.message : String(error);
      return this.#refuse(source.origin, idOf(source.manifest), [{ path: '', message: `lecture impossible : ${reason}` }]);
    }
  }

  #register(source: ReferentialSource): RegistrationResult {
    const declaredId = idOf(source.manifest);
    const coreApi = typeof source.manifest === 'object' && source.manifest !== null
      ? (source.manifest as { coreApi?: unknown }).coreApi
      : undefined;
    if (typeof coreApi === 'string') {
      const range = semver.validRange(coreApi);
      if (range === null) {
        return this.#refuse(source.origin, declaredId, [{ path: 'coreApi', message: `« ${coreApi} » n’est pas un intervalle de versions semver valide` }]);
      }
      if (!semver.satisfies(this.#coreVersion, range)) {
        return this.#refuse(source.origin, declaredId, [
          { path: 'coreApi', message: `demande l’API du cœur « ${coreApi} », incompatible avec la version ${this.#coreVersion}` },
        ]);
      }
    }
    const result = validateManifest(source.manifest);
    if (!result.ok) return this.#refuse(source.origin, declaredId, result.errors);
    const { manifest } = result;
    const existing = this.#entries.get(manifest.id);
    if (existing) {
      return this.#refuse(source.origin, manifest.id, [
        { path: 'id', message: `l’identifiant « ${manifest.id} » est déjà pris par ${existing.origin}` },
      ]);
    }
    this.#entries.set(manifest.id, { origin: source.origin, manifest });
    for (const [name, fn] of Object.entries(source.ruleFunctions ?? {})) this.registerRuleFunction(manifest.id, name, fn);
    return { ok: true, manifest };
  }

  #refuse(origin: string, referentialId: string | undefined, errors: ManifestError[]): RegistrationResult {
    const who = referentialId === undefined ? `Le référentiel de ${origin}` : `Le référentiel « ${referentialId} » (${origin})`;
    const details = errors.map((e) => (e.path ? `${e.path} : ${e.message}` : e.message)).join(' ; ');
    const problem: RegistryProblem = {
      origin,
      ...(referentialId === undefined ? {} : { referentialId }),
      message: `${who} est désactivé : ${details}`,
      errors,
    };
    this.#problems.push(problem);
    return { ok: false, problem };
  }

  /** The valid referentials, in registration order. */
  list(): ReferentialManifest[] {
    return [...this.#entries.values()].map((entry) => entry.manifest);
  }

  get(id: string): ReferentialManifest | undefined {
    return this.#entries.get(id)?.manifest;
  }

  origin(id: string): string | undefined {
    return this.#entries.get(id)?.origin;
  }

  template(referentialId: string, templateId: string): Template | undefined {
    return this.get(referentialId)?.templates.find((template) => template.id === templateId);
  }

  /** Disabled plugins and why. */
  problems(): readonly RegistryProblem[] {
    return this.#problems;
  }

  /** Lets a code plugin back its `custom` rules with code. */
  registerRuleFunction(referentialId: string, name: string, fn: RuleFunction): void {
    let functions = this.#ruleFunctions.get(referentialId);
    if (!functions) this.#ruleFunctions.set(referentialId, (functions = new Map()));
    if (functions.has(name)) throw new Error(`La fonction de règle « ${name} » est déjà enregistrée pour « ${referentialId} ».`);
    functions.set(name, fn);
  }

  /** The functions to pass to `evaluateCompleteness` for this referential. */
  ruleFunctions(referentialId: string): ReadonlyMap<string, RuleFunction> {
    return this.#ruleFunctions.get(referentialId) ?? new Map();
  }

  /** `custom` rules whose function no plugin registered, to report at start. */
  unresolvedCustomRules(referentialId: string): Extract<CompletenessRule, { type: 'custom' }>[] {
    const functions = this.ruleFunctions(referentialId);
    return (this.get(referentialId)?.rules ?? []).filter(
      (rule): rule is Extract<CompletenessRule, { type: 'custom' }> => rule.type === 'custom' && !functions.has(rule.fn),
    );
  }
}
