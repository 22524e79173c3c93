import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from './postgresCluster.js';

/**
 * One throwaway PostgreSQL cluster per vitest run (vitest `globalSetup` of the integration
 * project); test files read its URL with `inject('postgresUrl')` and create their own database
 * (`newPostgresDatabase`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startThrowawayCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
