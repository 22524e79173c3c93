/** The plugin API version of this core; manifests declare the range they need in `coreApi`. */
export const CORE_API_VERSION = '1.0.0';
