import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search finds parts of words (ADR 8, revision of issue 13): Dutch writes compounds as one word,
 * so "bespaar" must find "energiebespaarservice", which full text cannot. Each searched text gets
 * a folded copy (lower case, accents removed: "cooperatie" finds "coöperatie") with a trigram
 * GIN index: the case's own texts (title, description, proposal, outcome…) and each note's body.
 *
 * `unaccent()` is only STABLE (its dictionary could change), so a generated column cannot call
 * it; `brug_fold()` names the dictionary by schema and is declared IMMUTABLE, the usual way.
 * Both extensions ship with PostgreSQL (contrib) and are trusted: the database owner may create
 * them. Adding stored columns rewrites `cases` and `case_notes` once.
 */
/** As the entities declare them (written out: a migration does not follow later edits). */
const CASE_SEARCH_TEXT =
  `brug_fold("reference" || ' ' || coalesce("tender_reference", '') || ' ' || "title" || ' ' || "description"` +
  ` || ' ' || coalesce("proposal", '') || ' ' || coalesce("outcome_summary", '') || ' ' || coalesce("outcome_supplier_name", ''))`;
const NOTE_SEARCH_TEXT = `brug_fold("body")`;

export class SearchPartsOfWords1796466101513 implements MigrationInterface {
  name = 'SearchPartsOfWords1796466101513';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`);
    await q.query(`
      CREATE FUNCTION brug_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
    for (const [table, value] of [
      ['cases', CASE_SEARCH_TEXT],
      ['case_notes', NOTE_SEARCH_TEXT],
    ] as const) {
      await q.query(
        `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
         VALUES (current_database(), 'public', $1, 'GENERATED_COLUMN', 'search_text', $2)`,
        [table, value],
      );
      await q.query(
        `ALTER TABLE "${table}" ADD "search_text" text GENERATED ALWAYS AS (${value}) STORED NOT NULL`,
      );
      await q.query(
        `CREATE INDEX "${table}_search_text_idx" ON "${table}" USING gin ("search_text" gin_trgm_ops)`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['case_notes', 'cases']) {
      await q.query(`DROP INDEX "${table}_search_text_idx"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "search_text"`);
      await q.query(
        `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = $1 AND "name" = 'search_text'`,
        [table],
      );
    }
    await q.query(`DROP FUNCTION brug_fold(text)`);
    await q.query(`DROP EXTENSION IF EXISTS unaccent`);
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
