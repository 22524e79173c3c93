// Measures evaluateCompleteness on a realistic 30-page dossier, alone (`pnpm bench` runs it too).
// Run: npx tsx bench/completeness.ts
import { measureCompleteness } from './src/completeness/completenessBench.js';

const result = measureCompleteness(2000);
console.log(`dossier: ${result.words} mots, ${result.sections} sections, ${result.criteria} critères, ${result.evidence} preuves, ${result.checks} vérifications`);
console.log(`evaluateCompleteness over ${result.runs} runs: median ${result.medianMs.toFixed(3)} ms, p99 ${result.p99Ms.toFixed(3)} ms, max ${result.maxMs.toFixed(3)} ms (target ≤ 5 ms)`);
