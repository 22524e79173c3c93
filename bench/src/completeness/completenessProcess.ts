// Runs the completeness benchmark in a fresh process (pinned by the caller) and prints its result
// as JSON: the load generator's heap, full of traces, would slow its garbage collector down.
import { measureCompleteness } from './completenessBench.js';

process.stdout.write(JSON.stringify(measureCompleteness(Number(process.argv[2] ?? 2000))) + '\n');
