import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  /** URL of the new, empty database. */
  url: string;
  name: string;
  /** Runs one statement as the cluster's superuser (fault injection: read-only, terminate). */
  admin(sql: string): Promise<void>;
  /**
   * Empties every table but `schema_migrations`, ids restarted: a migrated database as new,
   * for a fraction of what creating and migrating one costs (tests of one file share it).
   */
  empty(): Promise<void>;
  /** Drops the database, closing whatever connections are left. */
  drop(): Promise<void>;
}

/** A fresh, empty database in the run's throwaway cluster (see postgresGlobalSetup.ts). */
export async function newPostgresDatabase(): Promise<TestDatabase> {
  const clusterUrl = inject('postgresUrl');
  const name = `canevas_${randomBytes(6).toString('hex')}`;
  await admin(clusterUrl, `CREATE DATABASE ${name}`);
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    name,
    admin: (sql) => admin(clusterUrl, sql),
    empty: () =>
      admin(
        url.href,
        `DO $$ DECLARE tables text; BEGIN
           SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables FROM pg_tables
           WHERE schemaname = 'public' AND tablename <> 'schema_migrations';
           IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
         END $$`,
      ),
    drop: () => admin(clusterUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throwaway cluster. */
    postgresUrl: string;
  }
}
