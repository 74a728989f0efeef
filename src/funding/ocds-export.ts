import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { Params } from '../cases/case-access';
import { CatalogueService } from '../catalogue/catalogue.service';
import { API_BASE_PATH } from '../common/api-version';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { caseFilters } from './case-filters';
import type { OcdsExportQuery } from './dto/funding-queries.dto';
import { CELLS_CTE } from './ledger-sql';
import { toReleasePackage, type OcdsCaseRow, type OcdsReleasePackage } from './ocds-release';

/**
 * The OCDS export: the cases the caller may see, with their funding per domain, read in one
 * aggregation; the names of units and domains from the catalogue (two queries, whatever the
 * number of cases); the mapping to OCDS in `ocds-release.ts`.
 */
@Injectable()
export class OcdsExport {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The OCDS release package of the cases the caller may see, oldest filed first. */
  async releasePackage(actor: Actor, query: OcdsExportQuery): Promise<OcdsReleasePackage> {
    const p = new Params();
    const rows = await this.db.query<OcdsCaseRow[]>(
      `WITH sel AS NOT MATERIALIZED (
         SELECT c.id, c.reference, c.title, c.description, c.tender_reference,
                c.estimated_value_cents, c.status, c.organisation_unit_id, c.outcome_summary,
                c.outcome_supplier_name, c.outcome_awarded_value_cents, c.closed_at,
                c.filed_at, c.updated_at, c.version
           FROM cases c WHERE ${caseFilters(actor, p, query)}
       ), ${CELLS_CTE},
       lines AS (
         SELECT f.case_id, f.domain_code,
                string_agg(DISTINCT f.budget_line, ', ') AS budget_lines,
                max(f.recorded_at) AS last_at, count(*) AS n
           FROM funding_entries f JOIN sel ON sel.id = f.case_id
          GROUP BY f.case_id, f.domain_code
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
                COALESCE(SUM(l.n), 0)::bigint AS entries
           FROM cells
           LEFT JOIN lines l ON l.case_id = cells.case_id AND l.domain_code = cells.domain_code
          GROUP BY cells.case_id
       )
       SELECT sel.*, GREATEST(sel.updated_at, pc.last_at) AS changed_at,
              COALESCE(pc.entries, 0) AS entries, COALESCE(pc.funders, '[]') AS funders
         FROM sel LEFT JOIN per_case pc ON pc.case_id = sel.id
        ORDER BY sel.filed_at, sel.id`,
      p.values,
    );
    const domains = new Map(
      (await this.catalogue.listDomains(true)).map((d) => [d.code, d.nameNl]),
    );
    const units = await this.catalogue.unitRefs(rows.map((r) => r.organisation_unit_id));
    const search = new URLSearchParams();
    if (query.filedFrom) search.set('filedFrom', query.filedFrom);
    if (query.filedTo) search.set('filedTo', query.filedTo);
    const qs = search.toString();
    return toReleasePackage(rows, {
      ocidPrefix: this.config.ocdsOcidPrefix,
      packageUri: `${this.config.publicUrl}${API_BASE_PATH}/exports/ocds${qs ? `?${qs}` : ''}`,
      publisherUri: this.config.publicUrl,
      domainName: (code) => domains.get(code) ?? code,
      unitName: (id) => units.get(id)?.name ?? id,
      now: new Date(),
    });
  }
}
