import type { DataSource } from 'typeorm';

/**
 * A large hiring history written with multi-row INSERTs, for the scale test and the insights benchmark:
 * `applications` applications (three stage moves each), one interview per four applications, three panelists
 * each rating `questions` questions. 100,000 applications with 14 questions is 1,050,000 ratings. Every interview is
 * complete: each panelist prepared and submitted, and the manager decided three days after it (`decidedAt` set).
 */
export async function seedBulkHistory(
  dataSource: DataSource,
  input: {
    positionId: number;
    managerId: number;
    panelistIds: number[];
    applications: number;
    questions: number;
    tag: string;
  },
): Promise<void> {
  const postgres = dataSource.options.type === 'postgres';
  const insert = async (table: string, columns: string[], rows: unknown[][], returning = false): Promise<number[]> => {
    const ids: number[] = [];
    const size = Math.max(1, Math.floor(4000 / columns.length));
    for (let start = 0; start < rows.length; start += size) {
      const chunk = rows.slice(start, start + size);
      let n = 0;
      const values = chunk.map((row) => `(${row.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`).join(', ');
      const result = (await dataSource.query(
        `INSERT INTO ${table} (${columns.map((column) => `"${column}"`).join(', ')}) VALUES ${values}${returning ? ' RETURNING id' : ''}`,
        chunk.flat(),
      )) as { id: number }[];
      if (returning) ids.push(...result.map((row) => Number(row.id)));
    }
    // As autovacuum (or SQLite's PRAGMA optimize) would after a bulk load: without statistics PostgreSQL keeps the
    // plans it made for a near-empty table — foreign-key checks by sequential scan — and each insert gets slower.
    await dataSource.query(`ANALYZE ${table}`);
    return ids;
  };
  const base = Date.UTC(2025, 0, 1);
  // better-sqlite3 binds no Date or boolean: write them the way TypeORM stores them in SQLite.
  const at = (days: number): Date | string => {
    const date = new Date(base + days * 86_400_000);
    return postgres ? date : date.toISOString().replace('T', ' ').replace('Z', '');
  };
  const bool = (value: boolean) => (postgres ? value : value ? 1 : 0);
  const sources = ['referral', 'recruiter', 'careers-page', 'sourced'];
  const candidateIds = await insert(
    'candidates',
    ['name', 'email', 'source', 'createdById'],
    Array.from({ length: input.applications }, (_, i) => [
      `Bulk ${input.tag} ${i}`,
      `bulk-${input.tag}-${i}@example.org`,
      sources[i % 4],
      input.managerId,
    ]),
    true,
  );
  const stages = ['vetting', 'interview', 'rejected'];
  // Rejected applications carry one of the company's rejection reasons, in turn.
  const reasons = ((await dataSource.query(`SELECT id FROM rejection_reasons ORDER BY id`)) as { id: number }[]).map(
    (row) => Number(row.id),
  );
  const reasonOf = (i: number) => (stages[i % 3] === 'rejected' && reasons.length ? reasons[i % reasons.length] : null);
  const applicationIds = await insert(
    'applications',
    [
      'candidateId',
      'positionId',
      'positionVersion',
      'source',
      'stage',
      'stageChangedAt',
      'rejectionReasonId',
      'code',
      'createdById',
      'createdAt',
    ],
    candidateIds.map((candidateId, i) => [
      candidateId,
      input.positionId,
      1,
      sources[i % 4],
      stages[i % 3],
      at((i % 300) + 9),
      reasonOf(i),
      `${input.tag}${i.toString(36)}`.slice(0, 12),
      input.managerId,
      at(i % 300),
    ]),
    true,
  );
  await insert(
    'application_events',
    ['applicationId', 'fromStage', 'toStage', 'summary', 'byId', 'createdAt'],
    applicationIds.flatMap((applicationId, i) => [
      [applicationId, null, 'applied', 'Applied', input.managerId, at(i % 300)],
      [applicationId, 'applied', 'vetting', 'Moved', input.managerId, at((i % 300) + 2 + (i % 5))],
      [applicationId, 'vetting', i % 3 === 2 ? 'rejected' : 'interview', 'Moved', input.managerId, at((i % 300) + 9)],
    ]),
  );
  const interviewed = applicationIds.filter((_, i) => i % 4 === 0);
  const interviewIds = await insert(
    'interviews',
    [
      'applicationId',
      'round',
      'startsAt',
      'timeZone',
      'durationMinutes',
      'location',
      'uid',
      'sequence',
      'questions',
      'outcomes',
      'decision',
      'rationale',
      'decidedAt',
      'decidedById',
      'scheduledById',
    ],
    interviewed.map((applicationId, i) => [
      applicationId,
      1,
      at((i % 300) + 10),
      'UTC',
      60,
      'Room',
      `bulk-${input.tag}-${i}@example.org`,
      0,
      '[]',
      '[]',
      i % 2 ? 'hire' : 'no-hire',
      'Decided on the panel’s evidence.',
      at((i % 300) + 13),
      input.managerId,
      input.managerId,
    ]),
    true,
  );
  const recommendations = ['strong-no', 'no', 'yes', 'strong-yes'];
  const panelistIds = await insert(
    'panelists',
    ['interviewId', 'userId', 'lead', 'preparedAt', 'recommendation', 'submittedAt'],
    interviewIds.flatMap((interviewId, i) =>
      input.panelistIds
        .slice(0, 3)
        .map((userId, seat) => [
          interviewId,
          userId,
          bool(seat === 0),
          at((i % 300) + 9),
          recommendations[(i + seat) % 4],
          at((i % 300) + 10 + (seat === 2 ? 3 : 0)),
        ]),
    ),
    true,
  );
  await insert(
    'scorecard_ratings',
    ['panelistId', 'questionId', 'rating'],
    panelistIds.flatMap((panelistId, i) =>
      Array.from({ length: input.questions }, (_, q) => [panelistId, 5000 + q, ((i + q) % 4) + 1]),
    ),
  );
}
