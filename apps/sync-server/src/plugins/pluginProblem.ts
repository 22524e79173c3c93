import type { ManifestError, RegistryProblem } from '@canevas/core';

/**
 * A plugin disabled before the registry could see its manifest (unreadable file, invalid JSON,
 * failing import), worded like the registry's own refusals so that logs read alike.
 */
export function pluginProblem(origin: string, errors: ManifestError[], referentialId?: string): RegistryProblem {
  const who = referentialId === undefined ? `Le référentiel de ${origin}` : `Le référentiel « ${referentialId} » (${origin})`;
  const details = errors.map((error) => (error.path ? `${error.path} : ${error.message}` : error.message)).join(' ; ');
  return {
    origin,
    ...(referentialId === undefined ? {} : { referentialId }),
    message: `${who} est désactivé : ${details}`,
    errors,
  };
}
