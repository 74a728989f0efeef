import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import {
  caseAt,
  EUR,
  modelCaseWithFunding,
  resolvedCase,
  withdrawCase,
  type FiledCase,
} from './support/funding';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/** The OCDS schemas live beside the repository (never copied into it); see their README. */
const OCDS_DIR = resolve(__dirname, '..', process.env.OCDS_SCHEMA_DIR ?? '../shared/ocds');
const ocdsAvailable = existsSync(join(OCDS_DIR, 'release-package-schema.json'));
if (!ocdsAvailable) {
  process.stdout.write(
    `\n[funding-reports] OCDS schemas not found in ${OCDS_DIR}: the OCDS validation test is ` +
      'SKIPPED. Set OCDS_SCHEMA_DIR to the folder with release-package-schema.json.\n\n',
  );
}
/**
 * The OCDS tests when the schemas are there; otherwise a to-do in Jest's report that says why
 * they did not run (besides the note above), never a silent skip.
 */
function describeWithOcds(name: string, tests: () => void): void {
  if (ocdsAvailable) describe(name, tests);
  else it.todo(`${name}: NOT RUN, no OCDS schemas in ${OCDS_DIR} (set OCDS_SCHEMA_DIR)`);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** RFC 7386 JSON Merge Patch (how OCDS extensions patch the release schema). */
function mergePatch(target: Json, patch: Json): Json {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: { [key: string]: Json } =
    typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] ?? null, value);
  }
  return out;
}

/** Brug's own OCDS extension, served with the web UI. */
const BENEFIT_EXTENSION_DIR = resolve(__dirname, '..', 'web', 'public', 'ocds', 'benefit-shares');

const readJson = (...path: string[]): Json =>
  JSON.parse(readFileSync(join(OCDS_DIR, ...path), 'utf8')) as Json;

/** Issue 6, acceptance items 6 (commons share) and 7 (OCDS export). */
describe('funding reports', () => {
  let t: TestApp;
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    ),
  );
  beforeAll(async () => {
    t = await startTestApp({ env: { OCDS_OCID_PREFIX: 'ocds-t3st01' } });
  });
  afterAll(() => t.close());

  const get = async (who: string, path: string) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set(await bearer(t, who));

  describe('6. the commons share', () => {
    const outcomes = [
      ['Energiecoöperatie Zuiderlicht', 'cooperative', 120_000 * EUR],
      ['Buurtcollectief De Pijp', 'collective', 60_000 * EUR],
      ['Stichting Buurtzorg Oost', 'foundation_or_association', 70_000 * EUR],
      ['Sociale onderneming Isolatiewerk', 'social_enterprise', 50_000 * EUR],
      ['Isolatie BV', 'private_company', 300_000 * EUR],
      ['Installatiebedrijf NV', 'private_company', 100_000 * EUR],
      ['GGD Amsterdam', 'public_body', 100_000 * EUR],
    ] as const;
    let lastYears: FiledCase;
    let firstOfYear: FiledCase;

    beforeAll(async () => {
      for (const [supplierName, supplierType, awardedValueCents] of outcomes) {
        await resolvedCase(t, { supplierName, supplierType, awardedValueCents });
      }
      // Not resolved: none of these count.
      await fileCase(t);
      await withdrawCase(t, await fileCase(t));
      // On their way to an award: the pipeline (issue 13, item 16). Declined: not.
      await caseAt(t, 'accepted', { estimatedValueCents: 100_000 * EUR });
      await caseAt(t, 'proposed', { estimatedValueCents: 250_000 * EUR });
      await caseAt(t, 'in_progress', { estimatedValueCents: 40_000 * EUR }, 'buyer2');
      await caseAt(t, 'declined');
      // Another unit's resolved case: counts for everyone who sees it.
      await resolvedCase(
        t,
        { supplierName: 'Coop Noord', supplierType: 'cooperative', awardedValueCents: 1 },
        {},
        'buyer2',
      );
      // Closed around the turn of the year, in Amsterdam time (UTC+1 in winter).
      lastYears = await resolvedCase(t, {
        supplierName: 'Oud',
        supplierType: 'cooperative',
        awardedValueCents: 999,
      });
      firstOfYear = await resolvedCase(
        t,
        { supplierName: 'Nieuw', supplierType: 'public_body', awardedValueCents: 7 },
        {},
        'buyer2',
      );
      const db = t.app.get(DataSource);
      await db.query('UPDATE cases SET closed_at = $2 WHERE id = $1', [
        lastYears.id,
        new Date(Date.UTC(year - 1, 11, 31, 22, 59, 59)), // 31 Dec, 23:59:59 in Amsterdam
      ]);
      await db.query('UPDATE cases SET closed_at = $2 WHERE id = $1', [
        firstOfYear.id,
        new Date(Date.UTC(year - 1, 11, 31, 23, 0, 0)), // 1 Jan, 00:00 in Amsterdam
      ]);
    });

    it('is exact, with the 35% target for 2035, and bySupplierType adds up', async () => {
      const response = await get('auditor', `/reports/commons-share?year=${year}`);
      expect(response.status).toBe(200);
      const commons = 120_000 * EUR + 60_000 * EUR + 70_000 * EUR + 50_000 * EUR + 1;
      const awarded = commons + 300_000 * EUR + 100_000 * EUR + 100_000 * EUR + 7;
      expect(response.body).toEqual({
        year,
        resolvedCases: 9,
        commonsCases: 5,
        awardedValueCents: awarded,
        commonsValueCents: commons,
        commonsShare: commons / awarded,
        target: 0.35,
        targetYear: 2035,
        bySupplierType: {
          cooperative: { cases: 2, awardedValueCents: 120_000 * EUR + 1, commons: true },
          collective: { cases: 1, awardedValueCents: 60_000 * EUR, commons: true },
          foundation_or_association: { cases: 1, awardedValueCents: 70_000 * EUR, commons: true },
          social_enterprise: { cases: 1, awardedValueCents: 50_000 * EUR, commons: true },
          private_company: { cases: 2, awardedValueCents: 400_000 * EUR, commons: false },
          public_body: { cases: 2, awardedValueCents: 100_000 * EUR + 7, commons: false },
        },
        pipeline: {
          cases: 3,
          estimatedValueCents: 390_000 * EUR,
          byStatus: {
            accepted: { cases: 1, estimatedValueCents: 100_000 * EUR },
            in_progress: { cases: 1, estimatedValueCents: 40_000 * EUR },
            proposed: { cases: 1, estimatedValueCents: 250_000 * EUR },
          },
        },
      });
      const types = Object.values(
        response.body.bySupplierType as Record<
          string,
          { cases: number; awardedValueCents: number }
        >,
      );
      expect(types.reduce((s, x) => s + x.cases, 0)).toBe(response.body.resolvedCases);
      expect(types.reduce((s, x) => s + x.awardedValueCents, 0)).toBe(awarded);
    });

    it('is exact per unit too: 3/8 and 1/8', async () => {
      // The buyer's unit: 300,000 of 800,000 (the case closed last year aside).
      const buyer = await get('buyer', `/reports/commons-share?year=${year}`);
      expect(buyer.body).toMatchObject({
        resolvedCases: 7,
        commonsValueCents: 300_000 * EUR,
        awardedValueCents: 800_000 * EUR,
      });
      expect(buyer.body.commonsShare).toBe(0.375);
      // The other unit: 1 cent of 8.
      const buyer2 = await get('buyer2', `/reports/commons-share?year=${year}`);
      expect(buyer2.body).toMatchObject({
        resolvedCases: 2,
        commonsValueCents: 1,
        awardedValueCents: 8,
      });
      expect(buyer2.body.commonsShare).toBe(0.125);
      // The pipeline applies visibility too.
      expect(buyer.body.pipeline).toMatchObject({ cases: 2, estimatedValueCents: 350_000 * EUR });
      expect(buyer2.body.pipeline).toMatchObject({ cases: 1, estimatedValueCents: 40_000 * EUR });
    });

    it('counts a case in the Amsterdam year it was resolved in, and defaults to this year', async () => {
      const before = await get('admin', `/reports/commons-share?year=${year - 1}`);
      // 100% of one case: the count says what the share rests on; the pipeline is today's.
      expect(before.body).toMatchObject({
        year: year - 1,
        resolvedCases: 1,
        commonsCases: 1,
        pipeline: { cases: 3 },
        awardedValueCents: 999,
        commonsValueCents: 999,
        commonsShare: 1,
      });
      const empty = await get('admin', '/reports/commons-share?year=2001');
      expect(empty.body).toMatchObject({ resolvedCases: 0, awardedValueCents: 0, commonsShare: 0 });
      const current = await get('admin', '/reports/commons-share');
      expect(current.body).toMatchObject({ year, resolvedCases: 9 });
      expectProblem(await get('admin', '/reports/commons-share?year=twenty'), 400);
      expectProblem(await get('admin', '/reports/commons-share?year=1999'), 400);
    });
  });

  describeWithOcds('7. the OCDS export', () => {
    let validate: ReturnType<Ajv04['compile']>;
    let model: FiledCase;
    let bare: FiledCase;

    beforeAll(async () => {
      // Both declared extensions: Budget Breakdown, and Brug's own Benefit Shares (issue 18).
      const release = mergePatch(
        mergePatch(
          readJson('release-schema.json'),
          readJson('budget-breakdown-extension', 'release-schema.json'),
        ),
        JSON.parse(
          readFileSync(join(BENEFIT_EXTENSION_DIR, 'release-schema.json'), 'utf8'),
        ) as Json,
      ) as { id: string };
      const ajv = new Ajv04({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema(release, release.id);
      validate = ajv.compile(readJson('release-package-schema.json') as object);

      model = await modelCaseWithFunding(t);
      bare = await fileCase(t, 'buyer', { title: 'Nog zonder financiering' });
    });

    it('validates the model case against the release package schema with Budget Breakdown', async () => {
      const response = await get('admin', '/exports/ocds');
      expect(response.status).toBe(200);
      const valid = validate(response.body);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);

      const pkg = response.body as {
        version: string;
        extensions: string[];
        releases: {
          ocid: string;
          parties: { id: string; name: string; roles: string[] }[];
          buyer: { id: string };
          planning: {
            budget: {
              amount: { amount: number; currency: string };
              budgetBreakdown?: {
                id: string;
                amount: { amount: number; currency: string };
                sourceParty: { id: string; name: string };
              }[];
            };
          };
        }[];
      };
      expect(pkg.version).toBe('1.1');
      expect(pkg.extensions).toEqual([
        'https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_breakdown_extension/master/extension.json',
        'http://localhost:3000/ocds/benefit-shares/extension.json',
      ]);
      const release = pkg.releases.find((r) => r.ocid === `ocds-t3st01-${model.reference}`)!;
      expect(release).toBeDefined();
      expect(release.planning.budget.amount).toEqual({ amount: 1_200_000, currency: 'EUR' });
      // One breakdown entry per paying domain: committed + pledged, in euros.
      expect(release.planning.budget.budgetBreakdown!.map((b) => [b.id, b.amount])).toEqual([
        ['energy', { amount: 450_000, currency: 'EUR' }],
        ['housing', { amount: 150_000, currency: 'EUR' }],
      ]);
      // Each paying domain is a party with the roles funder and sourceParty; the buyer too.
      const funders = release.parties.filter((p) => p.roles.includes('funder'));
      // (Nobody set benefit shares: energy, the lead, benefits 100 % and is a beneficiary too.)
      expect(funders.map((p) => [p.id, p.roles])).toEqual([
        ['brug-domain-energy', ['funder', 'sourceParty', 'beneficiary']],
        ['brug-domain-housing', ['funder', 'sourceParty']],
      ]);
      for (const b of release.planning.budget.budgetBreakdown!) {
        expect(release.parties).toContainEqual(expect.objectContaining(b.sourceParty));
      }
      const buyer = release.parties.find((p) => p.roles.includes('buyer'))!;
      expect(buyer).toMatchObject({ id: release.buyer.id, name: 'Inkoop Duurzaamheid en Energie' });

      // The validator checks what it should: the extension's rules and the core's.
      const broken = structuredClone(response.body) as typeof pkg;
      broken.releases[0]!.planning.budget.budgetBreakdown = [{} as never];
      expect(validate(broken)).toBe(false);
      const noOcid = structuredClone(response.body) as { releases: { ocid?: string }[] };
      delete noOcid.releases[0]!.ocid;
      expect(validate(noOcid)).toBe(false);

      // A case no domain pays for yet has a budget without a breakdown, and still validates.
      const unpaid = pkg.releases.find((r) => r.ocid.endsWith(bare.reference))!;
      expect(unpaid.planning.budget.budgetBreakdown).toBeUndefined();
      expect(unpaid.parties.map((p) => p.roles)).toEqual([['buyer'], ['beneficiary']]);
    });

    it('gives the benefit shares with their fair shares (the Benefit Shares extension)', async () => {
      const c = await modelCaseWithFunding(t, { title: 'Met baataandelen' });
      const shares = await t
        .http()
        .put(`/api/v1/cases/${c.id}/benefit-shares`)
        .set({ ...(await bearer(t, 'staff')), 'If-Match': '"0"' })
        .send({
          shares: [
            { domainCode: 'energy', basisPoints: 4000 },
            { domainCode: 'energy-poverty', basisPoints: 3333 },
            { domainCode: 'housing', basisPoints: 2667 },
          ],
          reasoning: 'Zorg heeft geen baat bij deze opdracht',
        });
      expect(shares.status).toBe(200);
      await t
        .http()
        .put(`/api/v1/cases/${c.id}/benefit-shares/housing/answer`)
        .set({ ...(await bearer(t, 'budgetHousing')), 'If-Match': '"1"' })
        .send({ answer: 'disputed', reason: 'Wonen ziet minder baat' })
        .expect(200);

      const response = await get('admin', '/exports/ocds');
      expect(validate(response.body)).toBe(true);
      expect(validate.errors ?? []).toEqual([]);
      type Release = {
        id: string;
        ocid: string;
        parties: { id: string; roles: string[] }[];
        planning: { budget: { benefitShares?: Record<string, unknown>[] } };
      };
      const release = (response.body.releases as Release[]).find((r) =>
        r.ocid.endsWith(c.reference),
      )!;
      // Committed: 450,000 (energy) + 150,000 (housing) = 600,000, split 40 / 33.33 / 26.67 %,
      // the cents by the largest remainder; care (0 %) is left out.
      expect(release.planning.budget.benefitShares).toEqual([
        {
          id: 'energy',
          beneficiary: { id: 'brug-domain-energy', name: expect.any(String) },
          share: 0.4,
          fairShare: { amount: 240_000, currency: 'EUR' },
          agreement: null,
        },
        {
          id: 'energy-poverty',
          beneficiary: { id: 'brug-domain-energy-poverty', name: expect.any(String) },
          share: 0.3333,
          fairShare: { amount: 199_980, currency: 'EUR' },
          agreement: null,
        },
        {
          id: 'housing',
          beneficiary: { id: 'brug-domain-housing', name: expect.any(String) },
          share: 0.2667,
          fairShare: { amount: 160_020, currency: 'EUR' },
          agreement: 'disputed',
        },
      ]);
      // The same fair shares as the case's own funding view.
      const funding = await get('admin', `/cases/${c.id}/funding`);
      expect(
        (funding.body.byDomain as { domainCode: string; fairShareCents: number }[])
          .filter((d) => d.fairShareCents > 0)
          .map((d) => [d.domainCode, d.fairShareCents / 100]),
      ).toEqual([
        ['energy', 240_000],
        ['energy-poverty', 199_980],
        ['housing', 160_020],
      ]);
      expect(release.parties.map((p) => [p.id, p.roles])).toEqual([
        [expect.stringMatching(/^brug-unit-/), ['buyer']],
        ['brug-domain-energy', ['funder', 'sourceParty', 'beneficiary']],
        ['brug-domain-housing', ['funder', 'sourceParty', 'beneficiary']],
        ['brug-domain-energy-poverty', ['beneficiary']],
      ]);
      // The release id changes with the shares and their answers.
      expect(release.id).toMatch(new RegExp(`^${c.reference}-\\d+\\.\\d+\\.1\\.1$`));

      // The declared extension is where the package says it is (served with the web UI).
      const extension = await t.http().get('/ocds/benefit-shares/extension.json');
      expect(extension.status).toBe(200);
      expect(extension.body).toMatchObject({
        compatibility: ['1.1'],
        schemas: ['release-schema.json'],
        codelists: ['+partyRole.csv'],
      });
      expect((await t.http().get('/ocds/benefit-shares/release-schema.json')).status).toBe(200);

      // The schema checks the extension: a share above 1 is not valid.
      const broken = structuredClone(response.body) as { releases: Release[] };
      const mine = broken.releases.find((r) => r.ocid.endsWith(c.reference))!;
      mine.planning.budget.benefitShares![0]!.share = 1.5;
      expect(validate(broken)).toBe(false);
    });

    it('exports resolved cases with their award, valid too', async () => {
      const response = await get('auditor', `/exports/ocds`);
      expect(validate(response.body)).toBe(true);
      const awarded = (
        response.body.releases as { tag: string[]; awards?: { suppliers: { name: string }[] }[] }[]
      ).filter((r) => r.tag.includes('award'));
      expect(awarded.length).toBeGreaterThan(0);
      expect(awarded[0]!.awards![0]!.suppliers[0]!.name).toEqual(expect.any(String));
    });

    it('filters by filing date and applies visibility', async () => {
      const ocids = async (who: string, query = '') =>
        ((await get(who, `/exports/ocds${query}`)).body.releases as { ocid: string }[]).map(
          (r) => r.ocid,
        );
      const all = await ocids('admin');
      const buyer2 = await ocids('buyer2');
      expect(buyer2.length).toBeGreaterThan(0);
      expect(buyer2.length).toBeLessThan(all.length);
      expect(await ocids('budgetHousing')).toContain(`ocds-t3st01-${model.reference}`);
      expect(await ocids('admin', '?filedTo=2001-01-01')).toEqual([]);
      expectProblem(await get('admin', '/exports/ocds?filedFrom=yesterday'), 400);
    });
  });
});
