import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/** Trigram indexes find terms of at least this many characters; shorter ones are read with LIKE. */
export const TRIGRAM_LENGTH = 3;

/** A LIKE pattern that finds `term` anywhere, its own `%`, `_` and `\` taken literally (used with ESCAPE '\'). */
export function containsPattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** An FTS5 query for `term` as one string: a phrase in double quotes, its own quotes doubled, so nothing in it is syntax. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * Narrows a query to candidates whose name or email contains `term`, in any case (the candidates list's search and
 * the applications list's `q`), through the index of migration CandidateSearch1795392200000 where it can:
 * - PostgreSQL: `lower(name|email) LIKE '%term%'`, which the planner serves from the pg_trgm GIN indexes;
 * - SQLite: a MATCH on the FTS5 trigram table `candidate_search`.
 * A term shorter than three characters has no trigram: it is compared with LIKE on every candidate, as all terms
 * were before the index (on PostgreSQL the planner makes the same choice by itself).
 */
export function whereCandidateMatches<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  term: string,
): void {
  const short = [...term].length < TRIGRAM_LENGTH;
  if (query.connection.options.type !== 'postgres' && !short) {
    query.andWhere(
      `${alias}.id IN (SELECT rowid FROM candidate_search WHERE candidate_search MATCH :candidateSearchPhrase)`,
      { candidateSearchPhrase: ftsPhrase(term) },
    );
    return;
  }
  const pattern = containsPattern(term);
  query.andWhere(
    new Brackets((where) =>
      where
        .where(`LOWER(${alias}.name) LIKE :candidateSearchPattern ESCAPE '\\'`, { candidateSearchPattern: pattern })
        .orWhere(`LOWER(${alias}.email) LIKE :candidateSearchPattern ESCAPE '\\'`),
    ),
  );
}
