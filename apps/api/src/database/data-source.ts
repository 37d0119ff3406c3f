import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

const MIGRATION_LOCK = 0x506f6469; // 'Podi'

export interface DataSourceOptions {
  url: string;
  /** Connections in the pool (the embedded default is a real PostgreSQL server too). */
  poolSize: number;
  logging?: boolean;
}

/** The one place that builds a TypeORM DataSource: used by the api, the CLI and the tests. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: options.logging ?? false,
    extra: {
      max: options.poolSize,
      connectionTimeoutMillis: 5000,
      // Fail fast rather than hang when PostgreSQL is gone: requests answer 503 quickly.
      query_timeout: 15000,
      application_name: 'podium',
    },
  });
}

/** Connect and bring the schema up to date; migrations take a lock, so concurrent starts are safe. */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  // A backend that dies while its client is checked out between queries emits 'error' on that client with nobody
  // listening, which crashes the process; the next query on it fails anyway and is answered 503.
  const pool = (dataSource.driver as unknown as { master?: { on(event: 'connect', fn: (client: { on(e: 'error', fn: () => void): void }) => void): void } }).master;
  pool?.on('connect', (client) => client.on('error', () => undefined));
  if (options.poolSize > 1) {
    // Several api processes may start at once: one runs the migrations, the others wait for it.
    const lock = dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await lock.release();
    }
  } else {
    await dataSource.runMigrations({ transaction: 'each' });
  }
  return dataSource;
}
