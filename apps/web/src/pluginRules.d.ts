// Served by the `pluginRules()` Vite plugin (apps/web/pluginRuleEntries.ts).
declare module 'virtual:canevas-plugin-rules' {
  const loaders: Readonly<Record<string, () => Promise<Record<string, unknown>>>>;
  export default loaders;
}
