/** SQL of an incident's referral to Bawaslu / Sentra Gakkumdu: its rule set, milestones and outcome. */
import type { Kysely } from 'kysely';
import type { HasilRujukan, MilestoneKey } from '../../../contracts/kejadian';
import type { RuleSet } from '../../../domain/kejadian/gakkumdu';
import type { TujuanRujukan } from '../../../domain/kejadian/kategori';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export async function insertRujukan(
  db: Db,
  row: {
    kejadian_id: string;
    rule_set: RuleSet;
    lembaga: TujuanRujukan;
    milestones: Partial<Record<MilestoneKey, string>>;
    updated_by: string;
    updated_at: Date;
  },
): Promise<void> {
  await db
    .insertInto('kejadian_rujukan')
    .values({ ...row, milestones: JSON.stringify(row.milestones) })
    .execute();
}

export async function findRujukanForUpdate(db: Db, kejadianId: string) {
  return db
    .selectFrom('kejadian_rujukan')
    .selectAll()
    .where('kejadian_id', '=', kejadianId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateRujukan(
  db: Db,
  kejadianId: string,
  change: {
    milestones: Partial<Record<MilestoneKey, string>>;
    outcome: HasilRujukan | null;
    updated_by: string;
    updated_at: Date;
  },
): Promise<void> {
  await db
    .updateTable('kejadian_rujukan')
    .set({ ...change, milestones: JSON.stringify(change.milestones) })
    .where('kejadian_id', '=', kejadianId)
    .execute();
}
