import type { ReferentialManifestInput } from './manifestSchema.js';

/**
 * Declares a code plugin's referential. The manifest stays plain data: the registry validates it
 * at start, exactly as it validates a JSON manifest dropped into PLUGINS_DIR.
 */
export function defineReferential<const T extends ReferentialManifestInput>(manifest: T): T {
  return manifest;
}
