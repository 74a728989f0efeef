import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { Params } from '../cases/case-access';
import { CatalogueService } from '../catalogue/catalogue.service';
import { API_BASE_PATH } from '../common/api-version';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ReadReplica } from '../database/read-replica';
import { caseFilters, filedAfter, type FiledPosition } from '../cases/case-filters';
import type { OcdsExportQuery } from './dto/funding-queries.dto';
import { CELLS_CTE } from './ledger-sql';
import { toReleasePackage, type OcdsCaseRow } from './ocds-release';

/** Cases per query while the package streams. */
export const OCDS_PAGE = 1000;

/**
 * The OCDS export: the cases the caller may see, with their funding per domain, a page at a time
 * (keyset on filed time and id), streamed as one release package in constant memory; the names
 * of units and domains from the catalogue (cached); the mapping to OCDS in `ocds-release.ts`.
 */
@Injectable()
export class OcdsExport {
  constructor(
    private readonly replica: ReadReplica,
    private readonly catalogue: CatalogueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The release package of the cases the caller may see, oldest filed first, as JSON text in
   * chunks. The first chunk comes after the first page was read, so a failure up to there can
   * still be answered as a problem. `publishedDate` (the latest change of any case) is known
   * only at the end: it is the package's last member.
   */
  async *releasePackageJson(actor: Actor, query: OcdsExportQuery): AsyncGenerator<string> {
    const domains = new Map(
      (await this.catalogue.listDomains(true)).map((d) => [d.code, d.nameNl]),
    );
    const search = new URLSearchParams();
    if (query.filedFrom) search.set('filedFrom', query.filedFrom);
    if (query.filedTo) search.set('filedTo', query.filedTo);
    const qs = search.toString();
    const now = new Date();
    const ctx = {
      ocidPrefix: this.config.ocdsOcidPrefix,
      packageUri: `${this.config.publicUrl}${API_BASE_PATH}/exports/ocds${qs ? `?${qs}` : ''}`,
      publisherUri: this.config.publicUrl,
      domainName: (code: string) => domains.get(code) ?? code,
      now,
    };
    const {
      releases: _none,
      publishedDate: _later,
      ...head
    } = toReleasePackage([], {
      ...ctx,
      unitName: (id) => id,
    });
    let latest: Date | null = null;
    let first = true;
    let after: FiledPosition | undefined;
    for (;;) {
      // Each page from the replica when it serves this reader (ADR 42), else the primary.
      const rows = await this.replica.read(actor, (db) => this.page(db, actor, query, after));
      const units = await this.catalogue.unitRefs(rows.map((r) => r.organisation_unit_id));
      const releases = toReleasePackage(rows, {
        ...ctx,
        unitName: (id) => units.get(id)?.name ?? id,
      }).releases.map((release) => JSON.stringify(release));
      for (const row of rows)
        if (latest === null || row.changed_at > latest) latest = row.changed_at;
      const opening = first ? `${JSON.stringify(head).slice(0, -1)},"releases":[` : ',';
      if (first || releases.length) yield opening + releases.join(',');
      first = false;
      if (rows.length < OCDS_PAGE) break;
      const last = rows[rows.length - 1]!;
      after = { filedAt: last.filed_key, id: last.id };
    }
    yield `],"publishedDate":${JSON.stringify((latest ?? now).toISOString())}}`;
  }

  /** A page of cases with their funding, read in one aggregation. */
  private async page(
    db: DataSource,
    actor: Actor,
    query: OcdsExportQuery,
    after: FiledPosition | undefined,
  ): Promise<(OcdsCaseRow & { filed_key: string })[]> {
    const p = new Params();
    let where = caseFilters(actor, p, query);
    if (after) {
      where += ` AND ${filedAfter(p, after)}`;
    }
    return db.query<(OcdsCaseRow & { filed_key: string })[]>(
      `WITH sel AS MATERIALIZED (
         SELECT c.id, c.reference, c.title, c.description, c.tender_reference,
                c.estimated_value_cents, c.status, c.organisation_unit_id, c.outcome_summary,
                c.outcome_supplier_name, c.outcome_awarded_value_cents, c.closed_at,
                c.filed_at, c.updated_at, c.version
           FROM cases c WHERE ${where}
          ORDER BY c.filed_at, c.id LIMIT ${OCDS_PAGE}
       ), ${CELLS_CTE},
       lines AS (
         SELECT f.case_id, f.domain_code,
                string_agg(DISTINCT f.budget_line, ', ') AS budget_lines,
                max(f.recorded_at) AS last_at, count(*) AS n
           FROM funding_entries f JOIN sel ON sel.id = f.case_id
          GROUP BY f.case_id, f.domain_code
       ),
       share_sets AS (
         SELECT v.case_id, max(v.version) AS version, max(v.set_at) AS set_at
           FROM benefit_share_versions v JOIN sel ON sel.id = v.case_id
          GROUP BY v.case_id
       ),
       share_list AS (
         SELECT x.case_id,
                json_agg(json_build_object(
                    'domainCode', x.domain_code, 'basisPoints', x.basis_points,
                    'answer', x.answer)
                  ORDER BY x.domain_code IS DISTINCT FROM l.domain_code, x.domain_code) AS shares,
                count(x.answer) AS answers, max(x.answer_at) AS answer_at
           FROM (
             SELECT b.case_id, b.domain_code, b.basis_points, b.answer, b.answer_at
               FROM benefit_shares b JOIN sel ON sel.id = b.case_id
             UNION ALL
             SELECT cd.case_id, cd.domain_code, 10000, NULL, NULL
               FROM case_domains cd JOIN sel ON sel.id = cd.case_id
              WHERE cd.role = 'lead'
                AND NOT EXISTS (SELECT 1 FROM benefit_shares b WHERE b.case_id = cd.case_id)
           ) x
           LEFT JOIN case_domains l ON l.case_id = x.case_id AND l.role = 'lead'
          GROUP BY x.case_id
       ),
       per_case AS (
         SELECT cells.case_id,
                COALESCE(json_agg(json_build_object(
                    'domainCode', cells.domain_code,
                    'committedCents', cells.committed_cents,
                    'pledgedCents', cells.pledged_cents,
                    'budgetLines', l.budget_lines) ORDER BY cells.domain_code)
                  FILTER (WHERE cells.paying), '[]') AS funders,
                max(l.last_at) AS last_at,
                COALESCE(SUM(cells.committed_cents), 0)::bigint AS committed_cents,
                COALESCE(SUM(l.n), 0)::bigint AS entries
           FROM cells
           LEFT JOIN lines l ON l.case_id = cells.case_id AND l.domain_code = cells.domain_code
          GROUP BY cells.case_id
       )
       SELECT sel.*, sel.filed_at::text AS filed_key,
              GREATEST(sel.updated_at, pc.last_at, ss.set_at, sl.answer_at) AS changed_at,
              COALESCE(pc.entries, 0) AS entries, COALESCE(pc.funders, '[]') AS funders,
              COALESCE(pc.committed_cents, 0) AS committed_cents,
              COALESCE(sl.shares, '[]') AS shares, COALESCE(ss.version, 0) AS shares_version,
              COALESCE(sl.answers, 0)::int AS share_answers
         FROM sel LEFT JOIN per_case pc ON pc.case_id = sel.id
         LEFT JOIN share_sets ss ON ss.case_id = sel.id
         LEFT JOIN share_list sl ON sl.case_id = sel.id
        ORDER BY sel.filed_at, sel.id`,
      p.values,
    );
  }
}
