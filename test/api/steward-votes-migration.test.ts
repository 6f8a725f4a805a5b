import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToBefore, migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { newId } from '../../src/server/platform/ids.js';
import { createTestDatabase, testEngine } from '../support/db.js';

// Migration 0047 moves the stewards' own building votes onto the vote kernel: an election held before
// the upgrade keeps its id, its ballots (made secret) and its winner; the election in progress keeps
// taking ballots with its roll built and its voters marked; the nominations and terms that named a
// vote name the same vote in `votes`.

describe(`steward votes move onto the kernel (${testEngine})`, () => {
  it('keeps an old election intact: ids, ballots, winner, the open vote’s roll and closing job', async () => {
    const handle = await createTestDatabase({ migrate: false });
    try {
      await migrateToBefore(handle.db, '0047_steward_votes_on_kernel');
      const db = handle.db;
      const tenant = '610899';
      const cPath = '/61/6108/610899/610899001/610899001001/';
      const bPath = `${cPath}610899001001-1/`;
      const hPath = `${bPath}610899001001-1-0101/`;
      const [community, building, household] = [newId(), newId(), newId()];
      const t0 = new Date('2026-10-01T02:00:00Z');
      const place = (id: string, code: string, name: string, kind: string, parent: string | null, path: string) =>
        sql`INSERT INTO places (id, tenant_id, code, name, kind, parent_id, path, status, created_at, updated_at)
            VALUES (${id}, ${tenant}, ${code}, ${name}, ${kind}, ${parent}, ${path}, 'active', ${t0}, ${t0})`.execute(
          db,
        );
      await place(community, '610899001001', '和平社区', 'community', null, cPath);
      await place(building, '610899001001-1', '1号楼', 'building', community, bPath);
      await place(household, '610899001001-1-0101', '101室', 'household', building, hPath);
      const users: Record<string, string> = {};
      for (const [key, name] of [
        ['worker', '社区干部'],
        ['wang', '王大山'],
        ['li', '李二妹'],
        ['zhang', '张三丰'],
      ] as const) {
        users[key] = newId();
        await sql`INSERT INTO users (id, tenant_id, username, display_name, password_hash, password_changed_at, created_at, phone_hash)
                  VALUES (${users[key]}, ${tenant}, ${key}, ${name}, 'x', ${t0}, ${t0}, ${`phone-${key}`})`.execute(db);
      }
      const residents: Record<string, string> = {};
      for (const [key, name] of [
        ['wang', '王大山'],
        ['li', '李二妹'],
        ['zhang', '张三丰'],
      ] as const) {
        residents[key] = newId();
        await sql`INSERT INTO residents (id, tenant_id, household_id, name, name_pinyin, name_initials, phone_hash, created_at, updated_at)
                  VALUES (${residents[key]}, ${tenant}, ${household}, ${name}, '', '', ${`phone-${key}`}, ${t0}, ${t0})`.execute(
          db,
        );
      }
      const [closed, open, cancelled] = [newId(), newId(), newId()];
      const vote = (
        id: string,
        title: string,
        state: string,
        closesOn: string | null,
        at: Date,
        winner: string | null,
      ) =>
        sql`INSERT INTO steward_votes (id, tenant_id, building_id, building_path, title, state, closes_on, winner_nomination_id, opened_by, opened_at, closed_by, closed_at)
            VALUES (${id}, ${tenant}, ${building}, ${bPath}, ${title}, ${state}, ${closesOn}, ${winner}, ${users.worker}, ${at},
                    ${state === 'open' ? null : users.worker}, ${state === 'open' ? null : new Date(at.getTime() + 86_400_000)})`.execute(
          db,
        );
      const nomination = (id: string, who: string, state: string, voteId: string | null, at: Date) =>
        sql`INSERT INTO steward_nominations (id, tenant_id, building_id, building_path, nominee_user_id, nominated_by, kind, state, vote_id, created_at)
            VALUES (${id}, ${tenant}, ${building}, ${bPath}, ${users[who]}, ${users[who]}, 'self', ${state}, ${voteId}, ${at})`.execute(
          db,
        );
      const ballot = (voteId: string, who: string, nominationId: string) =>
        sql`INSERT INTO steward_ballots (vote_id, voter_user_id, nomination_id, tenant_id, cast_at)
            VALUES (${voteId}, ${users[who]}, ${nominationId}, ${tenant}, ${t0})`.execute(db);

      // the election of October: 王 won 2 to 1 over 李 and was appointed
      const [nWang, nLi, nZhang, nLi2] = [newId(), newId(), newId(), newId()];
      await vote(closed, '1号楼楼门管家选举', 'closed', '2026-10-10', t0, null);
      await nomination(nWang, 'wang', 'appointed', closed, new Date('2026-09-20T02:00:00Z'));
      await nomination(nLi, 'li', 'lost', closed, new Date('2026-09-21T02:00:00Z'));
      await sql`UPDATE steward_votes SET winner_nomination_id = ${nWang} WHERE id = ${closed}`.execute(db);
      await ballot(closed, 'wang', nWang);
      await ballot(closed, 'li', nWang);
      await ballot(closed, 'zhang', nLi);
      const term = newId();
      await sql`INSERT INTO steward_terms (id, tenant_id, building_id, building_path, user_id, nomination_id, vote_id, state, started_on, ended_on, retire_reason, created_at)
                VALUES (${term}, ${tenant}, ${building}, ${bPath}, ${users.wang}, ${nWang}, ${closed}, 'retired', '2026-10-11', '2026-11-01', 'moved', ${t0})`.execute(
        db,
      );
      // a by-election cancelled after one ballot, then one in progress with one ballot so far
      const t1 = new Date('2026-11-02T02:00:00Z');
      await vote(cancelled, '补选', 'cancelled', null, t1, null);
      await nomination(nZhang, 'zhang', 'nominated', null, t1);
      await nomination(nLi2, 'li', 'nominated', null, new Date(t1.getTime() + 1000));
      await ballot(cancelled, 'li', nZhang);
      const t2 = new Date('2026-11-20T02:00:00Z');
      await vote(open, '补选（二）', 'open', '2026-12-31', t2, null);
      await sql`UPDATE steward_nominations SET vote_id = ${open} WHERE id IN (${nZhang}, ${nLi2})`.execute(db);
      await ballot(open, 'zhang', nLi2);

      await migrateToLatest(db);

      const votes = await db
        .selectFrom('votes')
        .selectAll()
        .where('subject_kind', '=', 'steward_election')
        .orderBy('opened_at')
        .execute();
      expect(votes.map((v) => [v.id, v.state, v.subject_id, v.scope_place_id, v.community_id, v.secret])).toEqual([
        [closed, 'closed', building, building, community, true],
        [cancelled, 'cancelled', building, building, community, true],
        [open, 'open', building, building, community, true],
      ]);
      const options = await db
        .selectFrom('vote_options')
        .select(['id', 'vote_id', 'label', 'ref_id', 'position'])
        .orderBy('vote_id')
        .orderBy('position')
        .execute();
      const optionOf = (voteId: string, nominationId: string) =>
        options.find((o) => o.vote_id === voteId && o.ref_id === nominationId)!.id;
      expect(options.filter((o) => o.vote_id === closed).map((o) => o.label)).toEqual(['王大山', '李二妹']);
      expect(options.filter((o) => o.vote_id === open).map((o) => o.ref_id)).toEqual([nZhang, nLi2]);
      expect(options.filter((o) => o.vote_id === cancelled).map((o) => o.ref_id)).toEqual([nZhang]);

      // the closed election: its result frozen with the same winner and counts
      const result = votes[0]!.result as any;
      expect(result).toMatchObject({
        cast: 3,
        passed: true,
        failure: null,
        winners: [optionOf(closed, nWang)],
        counts: [
          { optionId: optionOf(closed, nWang), label: '王大山', votes: 2 },
          { optionId: optionOf(closed, nLi), label: '李二妹', votes: 1 },
        ],
      });
      expect(votes[0]!.closes_at).toEqual(new Date('2026-10-10T16:00:00Z'));
      // its ballots: all there, secret (no elector), their marks as cast
      const ballots = await db
        .selectFrom('vote_ballots as b')
        .innerJoin('vote_marks as m', 'm.ballot_id', 'b.id')
        .select(['b.vote_id', 'b.elector_id', 'm.option_id'])
        .execute();
      expect(ballots.every((b) => b.elector_id === null)).toBe(true);
      const marks = (voteId: string) =>
        ballots
          .filter((b) => b.vote_id === voteId)
          .map((b) => b.option_id)
          .sort();
      expect(marks(closed)).toEqual([optionOf(closed, nWang), optionOf(closed, nWang), optionOf(closed, nLi)].sort());
      expect(marks(cancelled)).toEqual([optionOf(cancelled, nZhang)]);
      expect(marks(open)).toEqual([optionOf(open, nLi2)]);
      // the term and the nominations still name the vote
      expect(
        await db.selectFrom('steward_terms').select(['vote_id', 'nomination_id']).where('id', '=', term).execute(),
      ).toEqual([{ vote_id: closed, nomination_id: nWang }]);
      expect(
        (await db.selectFrom('steward_nominations').select(['id', 'vote_id']).orderBy('created_at').execute()).map(
          (n) => [n.id, n.vote_id],
        ),
      ).toEqual([
        [nWang, closed],
        [nLi, closed],
        [nZhang, open],
        [nLi2, open],
      ]);

      // the open vote: its roll (the three residents), 张 marked as having voted by phone, closing at the
      // end of its last day (China time) by the kernel's job
      const roll = await db
        .selectFrom('vote_electors')
        .select(['elector_id', 'voted_at', 'channel', 'voter_user_id'])
        .where('vote_id', '=', open)
        .orderBy('elector_id')
        .execute();
      expect(roll).toHaveLength(3);
      expect(votes[2]!.eligible_count).toBe(3);
      expect(roll.filter((e) => e.voted_at !== null)).toEqual([
        { elector_id: residents.zhang, voted_at: expect.anything(), channel: 'phone', voter_user_id: users.zhang },
      ]);
      expect(votes[2]!.closes_at).toEqual(new Date('2026-12-31T16:00:00Z'));
      const jobs = await db
        .selectFrom('jobs')
        .select(['kind', 'payload', 'run_at'])
        .where('kind', '=', 'vote.close')
        .execute();
      expect(jobs).toEqual([
        {
          kind: 'vote.close',
          payload: { voteId: open, due: '2026-12-31T16:00:00.000Z' },
          run_at: new Date('2026-12-31T16:00:00Z'),
        },
      ]);

      // the old tables are gone; a vote id that is no vote is refused by the repointed keys
      const tables = await sql<{ n: string }>`SELECT count(*) AS n FROM information_schema.tables
        WHERE table_name IN ('steward_votes', 'steward_ballots')`.execute(db);
      expect(Number(tables.rows[0]!.n)).toBe(0);
      await expect(sql`UPDATE steward_terms SET vote_id = ${newId()} WHERE id = ${term}`.execute(db)).rejects.toThrow();
    } finally {
      await handle.close();
    }
  });
});
