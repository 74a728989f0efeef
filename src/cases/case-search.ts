import type { Actor } from '../auth/roles';
import { Params, seesInternalNotes } from './case-access';

/**
 * The text search of `GET /cases` (ADR 8): Dutch full text over the case (stems: "warmtepomp"
 * finds "warmtepompen"), or every word found as a part of a word (trigrams: "bespaar" finds
 * "energiebespaarservice") in the case's texts, its proposal and outcome included, or in one
 * note the searcher may read. Every part is served by a GIN index.
 */

/** A search with fewer matches than this takes the "matches first, then sort" plan. */
export const RARE_SEARCH_LIMIT = 2000;

/** At most this many words are matched as parts of words (each is one more index condition). */
const MAX_PART_WORDS = 8;

/** websearch_to_tsquery's operators: a quoted phrase, `or`, a `-` before a word. */
const OPERATORS = /["]|(^|\s)-|(^|\s)or(\s|$)/i;

/** A trigram index finds a pattern only through a run of 3 letters or digits (pg_trgm's words). */
const HAS_TRIGRAM = /[\p{L}\p{N}]{3,}/u;

/**
 * The words of a search matched as parts of words, as LIKE patterns (`%word%`, LIKE's own
 * characters escaped). None for a search with full-text operators (their meaning is full text's
 * alone), and words too short to have a trigram are left to full text: a pattern without a
 * trigram would read the whole index.
 */
export function partPatterns(q: string): string[] {
  if (OPERATORS.test(q)) return [];
  const words = q.split(/\s+/).filter((w) => HAS_TRIGRAM.test(w));
  return [...new Set(words)]
    .slice(0, MAX_PART_WORDS)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

interface Bound {
  fullText: string;
  /** Every pattern must occur in `<alias>.search_text` (both sides folded by brug_fold()). */
  parts: (alias: string) => string | null;
}

function bind(q: string, p: Params): Bound {
  const fullText = `websearch_to_tsquery('dutch', ${p.add(q)})`;
  const patterns = partPatterns(q).map((pattern) => p.add(pattern));
  return {
    fullText,
    parts: (alias) =>
      patterns.length
        ? patterns.map((at) => `${alias}.search_text LIKE brug_fold(${at})`).join(' AND ')
        : null,
  };
}

/**
 * A search's two sides for this actor: over the case's own texts (`text`, without the outer
 * parentheses when it has two parts), and the WHERE over a note `n` it may read (`notes`: shared
 * notes only for buyers and budget holders), or null when the search has no parts of words.
 */
function sides(actor: Actor, q: string, p: Params): { text: string; notes: string | null } {
  const b = bind(q, p);
  const caseParts = b.parts('c');
  const noteParts = b.parts('n');
  if (!caseParts || !noteParts) return { text: `c.search @@ ${b.fullText}`, notes: null };
  return {
    text: `c.search @@ ${b.fullText} OR (${caseParts})`,
    notes: seesInternalNotes(actor) ? noteParts : `n.visibility = 'shared' AND ${noteParts}`,
  };
}

/** The cases with a matching note, gathered first (one array for the bitmaps). */
const casesOfNotes = (notes: string): string =>
  `c.id = ANY(ARRAY(SELECT n.case_id FROM case_notes n WHERE ${notes}))`;

/**
 * The WHERE condition over `c` for a search by this actor: notes count only when the actor may
 * read them (shared notes for buyers and budget holders). `rare` (few matches, from the probe)
 * gathers the matching notes' cases first, so all three indexes combine in one bitmap; otherwise
 * the notes are looked up per case while the sort index is walked.
 */
export function searchCondition(actor: Actor, q: string, p: Params, rare: boolean): string {
  const { text, notes } = sides(actor, q, p);
  if (!notes) return text;
  const inNotes = rare
    ? casesOfNotes(notes)
    : // OFFSET 0 keeps this a per-row lookup by case: left alone, the planner may hash every
      // matching note first, which for a common word costs more than the page it serves.
      `EXISTS (SELECT 1 FROM case_notes n WHERE n.case_id = c.id AND ${notes} OFFSET 0)`;
  return `(${text} OR ${inNotes})`;
}

/**
 * A search split for counting (the list's total): the case's own texts, and its notes as a
 * separate condition. The total counts the cases matching the first, then those matching only
 * the second: with the two in one OR, PostgreSQL rechecks every candidate of the trigram index
 * against the whole OR, comparing it with each matching note's case in turn (about 16 s for a
 * common word part at 1,000,000 cases and 30,000 matching notes; docs/benchmarks.md).
 */
export function searchCountParts(
  actor: Actor,
  q: string,
  p: Params,
): { text: string; notes: string | null } {
  const { text, notes } = sides(actor, q, p);
  return notes ? { text: `(${text})`, notes: casesOfNotes(notes) } : { text, notes: null };
}

/**
 * Run before the probe, in its transaction. With LIMIT, the planner likes to read `cases` from
 * the start until enough rows match: quick for a common word, the whole table for one just under
 * the limit, and its estimate for a part of a word is rough. The probe stays on the indexes.
 */
export const SEARCH_PROBE_SETTING = 'SET LOCAL enable_seqscan = off';

/**
 * SQL counting the matches of a search, up to RARE_SEARCH_LIMIT, from the GIN indexes (run after
 * SEARCH_PROBE_SETTING; all notes counted: it chooses a plan, it shows nothing).
 */
export function searchProbe(q: string): { sql: string; params: unknown[] } {
  const p = new Params();
  const b = bind(q, p);
  const caseParts = b.parts('c');
  const noteParts = b.parts('n');
  const cases = `SELECT 1 FROM cases c WHERE c.search @@ ${b.fullText}${caseParts ? ` OR (${caseParts})` : ''}`;
  const notes = noteParts ? `\n  UNION ALL SELECT 1 FROM case_notes n WHERE ${noteParts}` : '';
  return {
    sql: `SELECT count(*)::int AS n FROM (\n  ${cases}${notes}\n  LIMIT ${RARE_SEARCH_LIMIT}) m`,
    params: p.values,
  };
}
