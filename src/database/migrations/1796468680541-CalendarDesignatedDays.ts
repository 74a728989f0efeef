import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `calendar_designated_days`: the days the Crown designated equal to a public holiday under
 * article 3(3) of the Algemene termijnenwet (ADR 25), seeded with the days of the "Besluit
 * gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met
 * een algemeen erkende feestdag". No decree for 2029 and 2030 had been published when this was
 * written; an administrator adds those days through `POST /calendar/designated-days`.
 */
export class CalendarDesignatedDays1796468680541 implements MigrationInterface {
  name = 'CalendarDesignatedDays1796468680541';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "calendar_designated_days" (
        "date" date NOT NULL,
        "name" text NOT NULL,
        "added_by_id" uuid,
        "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "calendar_designated_days_pkey" PRIMARY KEY ("date")
      )`);
    await q.query(`
      INSERT INTO "calendar_designated_days" ("date", "name") VALUES
        ('2026-01-02', 'Vrijdag na Nieuwjaarsdag'),
        ('2026-05-15', 'Vrijdag na Hemelvaartsdag'),
        ('2027-05-07', 'Vrijdag na Hemelvaartsdag'),
        ('2028-04-28', 'Vrijdag na Koningsdag'),
        ('2028-05-26', 'Vrijdag na Hemelvaartsdag')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "calendar_designated_days"`);
  }
}
