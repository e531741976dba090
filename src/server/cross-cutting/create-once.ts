/**
 * Create once per client id (issue 15: one helper instead of a copy in every module). The phone's
 * outbox resends what it is not sure landed, and two app nodes may receive the same submission at
 * the same moment: the first copy is written, every later one answers with it (`replayed`), and a
 * client id first used in another election is refused, never answered with that election's record.
 *
 * The write runs in its own transaction with the client id under a unique index; the loser of a race
 * gets the unique violation, reads the winner and answers with it. A unique violation that is not
 * this client id (another unique key of the record, e.g. one report per area and slot) is the
 * caller's to explain through `conflict`.
 */
import { DomainError } from '../errors';
import { isUniqueViolation } from '../db/pg-errors';

/**
 * A retried submission answers with its first copy; a client id already used in another election is
 * refused rather than answered with that election's record (a phone that kept an item across a switch
 * of election would otherwise be told it landed where it did not).
 */
export function sameElection<T extends { pemilihan_id: string }>(row: T, pemilihan: { id: string }): T {
  if (row.pemilihan_id !== pemilihan.id) {
    throw new DomainError('conflict', 'Kiriman ini sudah tercatat pada pemilihan lain', {
      field: 'clientId',
    });
  }
  return row;
}

export async function createOnce<First, Made>(options: {
  /** The record already written under this client id, if any. */
  find: () => Promise<First | undefined>;
  /** Writes the record (its own transaction) and answers with what the caller returns. */
  write: () => Promise<Made>;
  /** The answer for a copy already written (checked against the election first, where it has one). */
  replay: (first: First) => Made | Promise<Made>;
  /** The election the submission names; omitted for records that belong to none (an election itself). */
  pemilihan?: { id: string };
  /** A unique violation of another key than the client id: throw the caller's own error. */
  conflict?: () => Promise<never>;
}): Promise<{ made: Made; replayed: boolean }> {
  const answer = async (first: First): Promise<{ made: Made; replayed: boolean }> => {
    if (options.pemilihan) sameElection(first as First & { pemilihan_id: string }, options.pemilihan);
    return { made: await options.replay(first), replayed: true };
  };
  const existing = await options.find();
  if (existing !== undefined) return answer(existing);
  try {
    return { made: await options.write(), replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await options.find();
    if (first !== undefined) return answer(first);
    if (options.conflict) return options.conflict();
    throw error;
  }
}
