import { sql } from 'kysely';
import type { Db } from '../../db/client';

/** The smallest round trip to the database: is it there and answering. */
export async function ping(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
