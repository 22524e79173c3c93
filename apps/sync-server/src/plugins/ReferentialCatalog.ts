import type { ReferentialRegistry, RegistryProblem } from '@canevas/core';

/** The referentials loaded at start: the registry, and every plugin left disabled with why. */
export interface ReferentialCatalog {
  registry: ReferentialRegistry;
  /** Plugins refused by the registry, and those that could not even be read or imported. */
  problems: readonly RegistryProblem[];
}
