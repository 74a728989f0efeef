import { parse as parseQueryString } from 'node:querystring';

/**
 * How big the parsed input of any route may be (ADR 15). class-transformer and class-validator
 * cost more than linearly in the number of keys they whitelist (105,000 unknown keys took 9.7 s
 * and blocked the event loop), so a body or query string is measured against these limits
 * before either of them sees it, by one walk that stops at the first limit exceeded.
 *
 * Each limit is a few times what the largest legitimate input needs:
 * - depth: `POST /cases` nests three levels (body → initialFunding → [i] → budgetLine);
 * - keys in one object: `POST /cases` has 10 fields, every other DTO fewer;
 * - array items: `initialFunding` takes up to 50 lines (domains 12, domain lists 20);
 * - values in all (every key and every array item counted once): a full `POST /cases` with 12
 *   domains and 50 funding lines has about 300.
 */
export const INPUT_LIMITS = {
  maxDepth: 8,
  maxKeysPerObject: 32,
  maxArrayItems: 100,
  maxValues: 1000,
} as const;

/** Field errors in one answer; the rest are counted in the detail, not listed. */
export const MAX_FIELD_ERRORS = 20;

/**
 * Express's query parser, bounded: Node's `querystring` reads at most one pair more than the
 * walk accepts values, so a query string over the limit is refused by the walk (every pair
 * is at least one value), never silently shortened.
 */
export function parseQuery(query: string): Record<string, unknown> {
  return parseQueryString(query, '&', '=', { maxKeys: INPUT_LIMITS.maxValues + 1 });
}
