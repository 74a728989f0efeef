import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two counter refreshes that run at the COMMIT of every filing, routing and status change
 * (`funding_totals_refresh`, ADR 37; `report_counts_refresh`, ADR 45) plan their statements once
 * per connection. PL/pgSQL caches each statement's plan, but PostgreSQL's plan cache kept
 * planning them afresh for every call (a custom plan for the case ids), since it judged the
 * generic plan no cheaper: 3–4 ms a call on a quiet machine, against 0.5–0.8 ms with the cached
 * generic plan (docs/benchmarks.md, issue 21). Their statements look cases up by id, an index
 * lookup whatever the ids, so one generic plan serves every call.
 */
export class CounterRefreshGenericPlans1796600000000 implements MigrationInterface {
  name = 'CounterRefreshGenericPlans1796600000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const fn of REFRESHES) {
      await q.query(`ALTER FUNCTION ${fn} SET plan_cache_mode = force_generic_plan`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of REFRESHES) {
      await q.query(`ALTER FUNCTION ${fn} RESET plan_cache_mode`);
    }
  }
}

const REFRESHES = ['funding_totals_refresh(uuid[])', 'report_counts_refresh(uuid[])'];
