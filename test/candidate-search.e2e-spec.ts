import { TableColumn, type SelectQueryBuilder } from 'typeorm';
import { whereCandidateMatches } from '../src/candidates/candidate-search.js';
import { Application } from '../src/candidates/entities/application.entity.js';
import { Candidate } from '../src/candidates/entities/candidate.entity.js';
import { restoreCandidateSearch } from '../src/database/migrations/1795392200000-CandidateSearch.js';
import { signedInAs, type Agent } from './support/http.js';
import { countQueries } from './support/query-counter.js';
import { publishedPosition } from './support/positions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 17, point 4: candidate search through a trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL) with the
 * meaning it had as a LIKE: a case-insensitive substring of the name or the email, whatever characters the term holds.
 */
describe('Candidate search', () => {
  let testApp: TestApp;
  let agent: Agent;
  let positionId: number;
  const ids: Record<string, number> = {};
  const people: Record<string, [name: string, email: string]> = {
    omar: ['Omar Haddad', 'omar.h@example.org'],
    maria: ['Maria Lopez', 'm.lopez@mail.test'],
    dana: [`Dana "DJ" O'Brien`, 'dj@example.org'],
    sandy: ['Sandy Andrews', 'sandy@example.org'],
    percent: ['Rate 50% Off', 'rate@example.org'],
    plain: ['Rate 50 Percent Off', 'plain@example.org'],
    underscore: ['Una Score', 'under_score@example.org'],
    lookalike: ['Una Xcore', 'underxscore@example.org'],
    hidden: ['Zelda Hidden', 'zelda@example.org'],
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    await signedInAs(testApp, ['admin']); // the first account set-up asks for
    const manager = await signedInAs(testApp, ['manager']);
    agent = manager.agent;
    positionId = await publishedPosition(testApp, manager.user);
    const candidates = testApp.dataSource.getRepository(Candidate);
    for (const [key, [name, email]] of Object.entries(people)) {
      const saved = await candidates.save(candidates.create({ name, email, source: 'referral' }));
      ids[key] = saved.id;
      await testApp.dataSource.getRepository(Application).insert({
        candidateId: saved.id,
        positionId,
        positionVersion: 1,
        source: 'referral',
        stage: 'applied',
        stageChangedAt: new Date(),
        code: `CS-${saved.id}`,
      });
    }
    // Others around them, so the planner has a table worth an index (and a wrong match has somewhere to come from).
    const fillers = Array.from({ length: 3000 }, (_, i) => ({
      name: `Filler Person ${i}`,
      email: `filler${i}@example.net`,
      source: 'referral' as const,
    }));
    for (let start = 0; start < fillers.length; start += 200)
      await testApp.dataSource
        .createQueryBuilder()
        .insert()
        .into(Candidate)
        .values(fillers.slice(start, start + 200))
        .callListeners(false)
        .execute();
    await candidates.update(ids.hidden, { anonymisedAt: new Date() });
    await testApp.dataSource.query(isPostgres() ? 'ANALYZE candidates' : 'ANALYZE');
  });
  afterAll(() => testApp.close());

  const isPostgres = () => testApp.config.database.kind !== 'sqlite';
  const keyOf = (id: number) => Object.keys(ids).find((key) => ids[key] === id) ?? `#${id}`;

  /** The candidates the /candidates search lists for `q`, by key. */
  async function search(q: string): Promise<string[]> {
    const page = await agent.get(`/candidates?q=${encodeURIComponent(q)}`).expect(200);
    const found = [...page.text.matchAll(/<a href="\/candidates\/(\d+)">/g)].map((match) => keyOf(Number(match[1])));
    return found.sort();
  }

  /** The applications of the position the applications list's `q` keeps, by their candidate's key. */
  async function searchApplications(q: string): Promise<string[]> {
    const page = await agent.get(`/positions/${positionId}/applications?q=${encodeURIComponent(q)}`).expect(200);
    const codes = [...page.text.matchAll(/<a href="\/applications\/(\d+)">/g)].map((match) => Number(match[1]));
    const applications = await testApp.dataSource.getRepository(Application).findBy({});
    return codes.map((id) => keyOf(applications.find((row) => row.id === id)!.candidateId)).sort();
  }

  it('finds a substring of the name or the email, in any case, on both lists', async () => {
    expect(await search('mar')).toEqual(['maria', 'omar']);
    expect(await search('HADDA')).toEqual(['omar']);
    expect(await search('lopez@MAIL')).toEqual(['maria']);
    expect(await search('example.net')).toHaveLength(25); // the fillers, one page of them
    expect(await search('zzz-nobody')).toEqual([]);
    expect(await searchApplications('mar')).toEqual(['maria', 'omar']);
    expect(await searchApplications('lopez@mail')).toEqual(['maria']);
  });

  it('takes quotes, LIKE wildcards and FTS syntax in the term literally', async () => {
    expect(await search('"DJ"')).toEqual(['dana']);
    expect(await search(`O'Brien`)).toEqual(['dana']);
    expect(await search('"')).toEqual(['dana']);
    expect(await search('50%')).toEqual(['percent']);
    expect(await search('%')).toEqual(['percent']);
    expect(await search('_')).toEqual(['underscore']);
    expect(await search('der_sc')).toEqual(['underscore']);
    expect(await search('AND')).toEqual(['sandy']);
    for (const term of [
      'omar OR maria',
      'omar AND haddad',
      'NOT omar',
      'NEAR(omar haddad)',
      'name:omar',
      'omar*',
      '(',
      '^omar',
      '-',
      '\\',
    ])
      expect(await search(term)).toEqual([]);
    expect(await searchApplications('50%')).toEqual(['percent']);
  });

  // TypeORM's getManyAndCount sends its COUNT only when the page cannot tell: a page that is not full (and not an
  // empty page past the first) is the last one, and its rows give the total.
  it('counts the matches only when the page does not tell how many there are', async () => {
    const statements = async (path: string) => {
      let text = '';
      const count = await countQueries(testApp.dataSource, async () => {
        text = (await agent.get(path).expect(200)).text;
      });
      return { count, shown: /Showing [^<]*/.exec(text)?.[0] ?? null };
    };
    // "filler29" finds filler29, filler290–299 and filler2900–2999: 111, so pages 1–4 are full and page 5 holds 11.
    const full = await statements('/candidates?q=filler29');
    expect(full.shown).toBe('Showing 1–25 of 111');
    const last = await statements('/candidates?q=filler29&page=5');
    expect(last).toEqual({ count: full.count - 1, shown: 'Showing 101–111 of 111' });
    const one = await statements('/candidates?q=haddad');
    expect(one).toEqual({ count: full.count - 1, shown: 'Showing 1–1 of 1' });
    // Past the end the page is empty, and the count says how many there are.
    const beyond = await statements('/candidates?q=filler29&page=6');
    expect(beyond.count).toBe(full.count);
    expect(await search('zzz-nobody')).toEqual([]);
  });

  it('finds terms shorter than a trigram too', async () => {
    expect(await search('dd')).toEqual(['omar']);
    expect(await search('Å')).toEqual([]);
    expect(await searchApplications('dd')).toEqual(['omar']);
  });

  it('follows renames, new addresses and deletions', async () => {
    const candidates = testApp.dataSource.getRepository(Candidate);
    await candidates.update(ids.omar, { name: 'Yusuf Haddad' });
    expect(await search('omar')).toEqual(['omar']); // the email still has it
    expect(await search('yusuf')).toEqual(['omar']);
    await candidates.update(ids.omar, { email: 'yusuf.h@example.org' });
    expect(await search('omar')).toEqual([]);
    expect(await search('suf.h@')).toEqual(['omar']);
    const added = await candidates.save(
      candidates.create({ name: 'Quill Newcomer', email: 'q@x.test', source: 'sourced' }),
    );
    expect(await search('newcom')).toEqual([`#${added.id}`]);
    await candidates.delete(added.id);
    expect(await search('newcom')).toEqual([]);
    if (!isPostgres()) {
      // The index itself forgot them (a stale row would be hidden by the join, so ask the index directly).
      const stale = (await testApp.dataSource.query(
        `SELECT rowid FROM candidate_search WHERE candidate_search MATCH '"newcom"' OR candidate_search MATCH '"omar"'`,
      )) as unknown[];
      expect(stale).toEqual([]);
    }
  });

  it('leaves anonymised candidates out', async () => {
    expect(await search('zelda')).toEqual([]);
    expect(await searchApplications('zelda')).toEqual([]);
    const count = (await testApp.dataSource.query(
      `SELECT COUNT(*) AS n FROM candidates WHERE name = 'Zelda Hidden'`,
    )) as {
      n: number | string;
    }[];
    expect(Number(count[0].n)).toBe(1);
  });

  it('reads the trigram index, not every candidate', async () => {
    const query = (term: string): SelectQueryBuilder<Candidate> => {
      const builder = testApp.dataSource
        .getRepository(Candidate)
        .createQueryBuilder('candidate')
        .where('candidate.anonymisedAt IS NULL')
        .orderBy('candidate.createdAt', 'DESC')
        .addOrderBy('candidate.id', 'DESC')
        .limit(25);
      whereCandidateMatches(builder, 'candidate', term);
      return builder;
    };
    const runner = testApp.dataSource.createQueryRunner();
    try {
      const plan = async (term: string) => {
        const [sql, parameters] = query(term).getQueryAndParameters();
        const rows = (await runner.query(`${isPostgres() ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`, parameters)) as {
          detail?: string;
          'QUERY PLAN'?: string;
        }[];
        return rows.map((row) => row.detail ?? row['QUERY PLAN']).join('\n');
      };
      if (isPostgres()) {
        // On a small table the planner may still prefer reading it all; without that choice it must have the index.
        await runner.query('SET enable_seqscan = off');
        const found = await plan('haddad');
        expect(found).toMatch(/Bitmap Index Scan on "?IDX_candidates_name_trigram/);
        expect(found).toMatch(/Bitmap Index Scan on "?IDX_candidates_email_trigram/);
        await runner.query('RESET enable_seqscan');
      } else {
        const found = await plan('haddad');
        expect(found).toMatch(/SCAN candidate_search VIRTUAL TABLE INDEX/);
        expect(found).not.toMatch(/SCAN candidate(?!_search)\b(?! USING)/);
        // Too short for a trigram: a LIKE over every candidate, as before the index.
        const short = await plan('dd');
        expect(short).not.toContain('candidate_search');
        expect(short).toContain('SCAN candidate');
      }
    } finally {
      await runner.release();
    }
  });

  // Last: it changes the candidates table under the app.
  it('survives a later migration that rebuilds the candidates table, with restoreCandidateSearch', async () => {
    const ds = testApp.dataSource;
    const runner = ds.createQueryRunner();
    const candidates = ds.getRepository(Candidate);
    try {
      if (!isPostgres()) await runner.query('PRAGMA foreign_keys = OFF'); // as TypeORM runs migrations on SQLite
      await runner.addColumn('candidates', new TableColumn({ name: 'scratch', type: 'integer', isNullable: true }));
      if (isPostgres()) {
        const indexes = (await runner.query(
          `SELECT indexname FROM pg_indexes WHERE tablename = 'candidates' AND indexname LIKE '%trigram'`,
        )) as unknown[];
        expect(indexes).toHaveLength(2);
      } else {
        // TypeORM rebuilt the table on SQLite: the triggers went with the old one, so a rename is missed...
        await candidates.update(ids.maria, { name: 'Marisol Lopez' });
        expect(await search('marisol')).toEqual([]);
        // ...until the migration's helper puts them back and refills the index.
        await restoreCandidateSearch(runner);
        expect(await search('marisol')).toEqual(['maria']);
      }
      await candidates.update(ids.maria, { name: 'Marguerite Lopez' });
      expect(await search('marguer')).toEqual(['maria']);
      expect(await search('marisol')).toEqual([]);
    } finally {
      if (!isPostgres()) await runner.query('PRAGMA foreign_keys = ON');
      await runner.release();
    }
  });
});
