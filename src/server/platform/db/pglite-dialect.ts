import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseConnection, Driver } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';

/**
 * The embedded database with turns: between two statements from the queue the event loop reads the
 * network (issue 19). PGlite runs in this thread and its driver hands the one connection from
 * statement to statement in promise callbacks, so with 50 requests waiting the whole queue ran
 * before the next socket was read: /healthz and every new request waited a round of all the others
 * (~250 ms, seconds at the tail). A turn of the event loop before each hand-over costs microseconds.
 */
export class TakingTurnsPGliteDialect extends PGliteDialect {
  constructor(pglite: PGlite) {
    super(pglite);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const release = driver.releaseConnection.bind(driver);
    driver.releaseConnection = async (connection: DatabaseConnection) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await release(connection);
    };
    return driver;
  }
}
