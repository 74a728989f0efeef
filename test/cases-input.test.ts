import fc from 'fast-check';
import type { Response, Test } from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, fileCase, MODEL_CASE } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Acceptance: bad input to POST /cases and PATCH /cases/{id} is refused with 400 (413 for an
 * over-large body) problem+json that names the field, changes nothing, and is never a 500.
 */

/** A domain that exists but is deactivated (created in beforeAll). */
const INACTIVE = 'heritage-retired';

/** The tables a filing or an edit writes to. */
const TABLES = [
  'cases',
  'case_domains',
  'case_status_changes',
  'outbox_events',
  'audit_events',
  'funding_entries',
];

interface BadInput {
  name: string;
  /** The body, sent as JSON. */
  body?: unknown;
  /** Or the exact text sent as application/json. */
  raw?: string;
  /** A path that must be among `errors[].field` (a RegExp: one matching it). */
  field?: string | RegExp;
  status?: 400 | 413;
  /** Who sends it (default: the buyer who filed). */
  who?: 'buyer' | 'staff';
}

const lead = (code: string) => ({ code, role: 'lead' });
const affected = (code: string) => ({ code, role: 'affected' });
/** The model case with some fields replaced (undefined drops a field). */
const model = (changes: Record<string, unknown>) => ({ ...MODEL_CASE, ...changes });
const without = (key: keyof typeof MODEL_CASE) => model({ [key]: undefined });
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const thirteenDomains = [
  lead('d1'),
  ...Array.from({ length: 12 }, (_, i) => affected(`d${i + 2}`)),
];
const TWO_MB = 'x'.repeat(2 * 1024 * 1024);

const POST_CASES: BadInput[] = [
  // title
  { name: 'title a number', body: model({ title: 12345 }), field: 'title' },
  { name: 'title an array', body: model({ title: ['Aanbesteding'] }), field: 'title' },
  { name: 'title an object', body: model({ title: { nl: 'Aanbesteding' } }), field: 'title' },
  { name: 'title missing', body: without('title'), field: 'title' },
  { name: 'title null', body: model({ title: null }), field: 'title' },
  { name: 'title too short (4)', body: model({ title: 'Kort' }), field: 'title' },
  { name: 'title short once trimmed', body: model({ title: '    abc    ' }), field: 'title' },
  { name: 'title too long (201)', body: model({ title: 'x'.repeat(201) }), field: 'title' },
  {
    name: 'title with a NUL character',
    body: model({ title: 'Titel\u0000met nul' }),
    field: 'title',
  },
  // description, tender reference
  {
    name: 'description too long',
    body: model({ description: 'x'.repeat(10_001) }),
    field: 'description',
  },
  { name: 'description a number', body: model({ description: 42 }), field: 'description' },
  {
    name: 'description with a NUL character',
    body: model({ description: 'a\u0000b' }),
    field: 'description',
  },
  {
    name: 'tenderReference too long',
    body: model({ tenderReference: 'T'.repeat(101) }),
    field: 'tenderReference',
  },
  {
    name: 'tenderReference a number',
    body: model({ tenderReference: 815 }),
    field: 'tenderReference',
  },
  {
    name: 'tenderReference with a NUL character',
    body: model({ tenderReference: 'TN\u00000815' }),
    field: 'tenderReference',
  },
  // unknown fields
  { name: 'unknown field', body: model({ colour: 'blue' }), field: 'colour' },
  // initialFunding (issue 6): every domain one of the case's, amounts whole positive cents
  {
    name: 'initialFunding for a domain the case does not touch',
    body: model({
      initialFunding: [
        { domainCode: 'energy', amountCents: 45_000_000 },
        { domainCode: 'food', amountCents: 100 },
      ],
    }),
    field: 'initialFunding[1].domainCode',
  },
  {
    name: 'initialFunding not a list',
    body: model({ initialFunding: { domainCode: 'energy', amountCents: 1 } }),
    field: 'initialFunding',
  },
  {
    name: 'initialFunding with a zero amount',
    body: model({ initialFunding: [{ domainCode: 'energy', amountCents: 0 }] }),
    field: 'initialFunding[0].amountCents',
  },
  {
    name: 'initialFunding with a kind',
    body: model({ initialFunding: [{ domainCode: 'energy', amountCents: 1, kind: 'commit' }] }),
    field: 'initialFunding[0].kind',
  },
  { name: 'server-owned status', body: model({ status: 'resolved' }), field: 'status' },
  { name: 'server-owned version', body: model({ version: 7 }), field: 'version' },
  {
    name: '__proto__ as a field',
    raw: JSON.stringify(MODEL_CASE).replace('{', '{"__proto__":{"admin":true},'),
    field: '__proto__',
  },
  {
    name: 'constructor as a field',
    raw: JSON.stringify(MODEL_CASE).replace('{', '{"constructor":{"name":"x"},'),
    field: 'constructor',
  },
  // estimated value
  {
    name: 'value negative',
    body: model({ estimatedValueCents: -1 }),
    field: 'estimatedValueCents',
  },
  {
    name: 'value above 10^13',
    body: model({ estimatedValueCents: 10_000_000_000_001 }),
    field: 'estimatedValueCents',
  },
  {
    name: 'value a numeric string',
    body: model({ estimatedValueCents: '120000000' }),
    field: 'estimatedValueCents',
  },
  {
    name: 'value non-integer cents',
    body: model({ estimatedValueCents: 1.5 }),
    field: 'estimatedValueCents',
  },
  { name: 'value null', body: model({ estimatedValueCents: null }), field: 'estimatedValueCents' },
  { name: 'value missing', body: without('estimatedValueCents'), field: 'estimatedValueCents' },
  {
    name: 'value a boolean',
    body: model({ estimatedValueCents: true }),
    field: 'estimatedValueCents',
  },
  {
    name: 'value 1e400 (Infinity once parsed)',
    raw: JSON.stringify(MODEL_CASE).replace('120000000', '1e400'),
    field: 'estimatedValueCents',
  },
  // enums
  {
    name: 'procurementStage unknown',
    body: model({ procurementStage: 'bidding' }),
    field: 'procurementStage',
  },
  { name: 'priority unknown', body: model({ priority: 'extreme' }), field: 'priority' },
  { name: 'priority in the wrong case', body: model({ priority: 'HIGH' }), field: 'priority' },
  // deadline
  { name: 'deadline 2027-02-30', body: model({ deadline: '2027-02-30' }), field: 'deadline' },
  { name: 'deadline 2027-3-1', body: model({ deadline: '2027-3-1' }), field: 'deadline' },
  {
    name: 'deadline with a time',
    body: model({ deadline: '2027-03-01T00:00:00Z' }),
    field: 'deadline',
  },
  { name: 'deadline day-first', body: model({ deadline: '01-03-2027' }), field: 'deadline' },
  { name: 'deadline a number', body: model({ deadline: 20270301 }), field: 'deadline' },
  // organisation unit
  {
    name: 'organisationUnitId not a UUID',
    body: model({ organisationUnitId: 'unit-1' }),
    field: 'organisationUnitId',
  },
  // domains: the list
  { name: 'domains missing', body: without('domains'), field: 'domains' },
  { name: 'domains empty', body: model({ domains: [] }), field: 'domains' },
  { name: 'domains null', body: model({ domains: null }), field: 'domains' },
  { name: 'domains an object', body: model({ domains: lead('energy') }), field: 'domains' },
  { name: 'domains a string', body: model({ domains: 'energy' }), field: 'domains' },
  { name: 'more than 12 domains', body: model({ domains: thirteenDomains }), field: 'domains' },
  {
    name: 'no lead',
    body: model({ domains: [affected('energy'), affected('housing')] }),
    field: 'domains',
  },
  {
    name: 'two leads',
    body: model({ domains: [lead('energy'), lead('housing')] }),
    field: 'domains',
  },
  {
    name: 'duplicate domain',
    body: model({ domains: [lead('energy'), affected('housing'), affected('energy')] }),
    field: 'domains',
  },
  // domains: the entries
  {
    name: 'unknown domain',
    body: model({ domains: [lead('energy'), affected('nope')] }),
    field: 'domains[1].code',
  },
  {
    name: 'inactive domain',
    body: model({ domains: [lead('energy'), affected('housing'), affected(INACTIVE)] }),
    field: 'domains[2].code',
  },
  {
    name: 'domain role unknown',
    body: model({ domains: [lead('energy'), { code: 'housing', role: 'owner' }] }),
    field: 'domains[1].role',
  },
  {
    name: 'domain role missing',
    body: model({ domains: [lead('energy'), { code: 'housing' }] }),
    field: 'domains[1].role',
  },
  {
    name: 'domain code missing',
    body: model({ domains: [{ role: 'lead' }] }),
    field: 'domains[0].code',
  },
  {
    name: 'domain code not kebab-case',
    body: model({ domains: [lead('energy'), affected('housing'), affected('Energy_Poverty')] }),
    field: 'domains[2].code',
  },
  {
    name: 'domain code a number',
    body: model({ domains: [lead('energy'), { code: 7, role: 'affected' }] }),
    field: 'domains[1].code',
  },
  {
    name: 'unknown field in a domain',
    body: model({ domains: [{ ...lead('energy'), share: 0.5 }] }),
    field: 'domains[0].share',
  },
  {
    name: 'domain entry null',
    body: model({ domains: [lead('energy'), null] }),
    field: 'domains[1]',
  },
  {
    name: 'domain entry a string',
    body: model({ domains: [lead('energy'), 'housing'] }),
    field: 'domains[1]',
  },
  {
    name: 'domain entry an array of strings',
    body: model({ domains: [lead('energy'), ['housing', 'affected']] }),
    field: 'domains[1]',
  },
  {
    name: 'domain entry an array holding an entry',
    body: model({ domains: [lead('energy'), [affected('housing')]] }),
    field: 'domains[1]',
  },
  // the body as a whole
  { name: 'body a JSON array', body: [MODEL_CASE], field: '(body)' },
  { name: 'body a JSON string', raw: JSON.stringify(MODEL_CASE.title), field: '(body)' },
  {
    name: 'body nested 10,000 arrays deep',
    raw: `{"title":${nested(10_000)}}`,
    field: /^(title|\(body\))$/,
  },
  { name: 'body of 2 MB', body: model({ description: TWO_MB }), status: 413 },
];

const PATCH_CASES: BadInput[] = [
  { name: 'title a number', body: { title: 12345 }, field: 'title' },
  { name: 'title too short', body: { title: 'Kort' }, field: 'title' },
  { name: 'title too long', body: { title: 'x'.repeat(201) }, field: 'title' },
  { name: 'title null', body: { title: null }, field: 'title' },
  { name: 'title with a NUL character', body: { title: 'Titel\u0000met nul' }, field: 'title' },
  { name: 'description null', body: { description: null }, field: 'description' },
  { name: 'description too long', body: { description: 'x'.repeat(10_001) }, field: 'description' },
  { name: 'unknown field', body: { colour: 'blue' }, field: 'colour' },
  {
    name: 'initialFunding (only when filing)',
    body: { initialFunding: [{ domainCode: 'energy', amountCents: 1 }] },
    field: 'initialFunding',
  },
  { name: 'server-owned version', body: { version: 2 }, field: 'version' },
  { name: 'server-owned status', body: { status: 'accepted' }, field: 'status' },
  { name: 'value negative', body: { estimatedValueCents: -1 }, field: 'estimatedValueCents' },
  {
    name: 'value above 10^13',
    body: { estimatedValueCents: 10_000_000_000_001 },
    field: 'estimatedValueCents',
  },
  {
    name: 'value a numeric string',
    body: { estimatedValueCents: '5' },
    field: 'estimatedValueCents',
  },
  {
    name: 'value non-integer cents',
    body: { estimatedValueCents: 99.99 },
    field: 'estimatedValueCents',
  },
  { name: 'value null', body: { estimatedValueCents: null }, field: 'estimatedValueCents' },
  { name: 'deadline 2027-02-30', body: { deadline: '2027-02-30' }, field: 'deadline' },
  { name: 'deadline 2027-3-1', body: { deadline: '2027-3-1' }, field: 'deadline' },
  {
    name: 'procurementStage unknown',
    body: { procurementStage: 'bidding' },
    field: 'procurementStage',
  },
  { name: 'procurementStage null', body: { procurementStage: null }, field: 'procurementStage' },
  { name: 'priority unknown', body: { priority: 'extreme' }, field: 'priority', who: 'staff' },
  { name: 'priority null', body: { priority: null }, field: 'priority', who: 'staff' },
  {
    name: 'assigneeId not a UUID',
    body: { assigneeId: 'nobody' },
    field: 'assigneeId',
    who: 'staff',
  },
  { name: 'domains empty', body: { domains: [] }, field: 'domains' },
  { name: 'domains null', body: { domains: null }, field: 'domains' },
  { name: 'domains an object', body: { domains: lead('energy') }, field: 'domains' },
  { name: 'more than 12 domains', body: { domains: thirteenDomains }, field: 'domains' },
  { name: 'no lead', body: { domains: [affected('energy')] }, field: 'domains' },
  { name: 'two leads', body: { domains: [lead('energy'), lead('housing')] }, field: 'domains' },
  {
    name: 'duplicate domain',
    body: { domains: [lead('energy'), affected('energy')] },
    field: 'domains',
  },
  {
    name: 'unknown domain',
    body: { domains: [lead('energy'), affected('nope')] },
    field: 'domains[1].code',
  },
  {
    name: 'inactive domain',
    body: { domains: [lead('energy'), affected(INACTIVE)] },
    field: 'domains[1].code',
  },
  { name: 'domain entry null', body: { domains: [lead('energy'), null] }, field: 'domains[1]' },
  { name: 'body a JSON array', body: [{ title: 'Nieuwe titel' }], field: '(body)' },
  { name: 'body a JSON string', raw: '"Nieuwe titel"', field: '(body)' },
  { name: 'body of 2 MB', body: { description: TWO_MB }, status: 413 },
];

describe('bad input to POST and PATCH /cases', () => {
  let t: TestApp;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const who of ['buyer', 'staff', 'admin']) headers[who] = await bearer(t, who);
    await t
      .http()
      .post('/api/v1/domains')
      .set(headers.admin!)
      .send({ code: INACTIVE, nameNl: 'Erfgoed (oud)', nameEn: 'Heritage (old)' })
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/domains/${INACTIVE}`)
      .set({ ...headers.admin!, 'If-Match': '"1"' })
      .send({ active: false })
      .expect(200);
  });
  afterAll(() => t.close());

  /** Row counts of every table a filing or an edit writes to. */
  async function counts(): Promise<Record<string, number>> {
    const columns = TABLES.map((name) => `(SELECT count(*)::int FROM ${name}) AS ${name}`);
    const [row] = await t.app.get(DataSource).query(`SELECT ${columns.join(', ')}`);
    return row;
  }

  function send(request: Test, input: BadInput): Test {
    if (input.raw !== undefined) {
      return request.set('Content-Type', 'application/json').send(input.raw);
    }
    return request.send(input.body as object);
  }

  /** 400 (or 413) problem+json naming the expected field. */
  function expectRefused(response: Response, input: BadInput): void {
    const status = input.status ?? 400;
    // Shows the answer itself when the status is wrong (a 500, or a 201 that should not be).
    expect({ status: response.status, text: response.text.slice(0, 1000) }).toMatchObject({
      status,
    });
    const problem = expectProblem(response, status);
    if (status !== 400) return;
    const errors = (problem.errors ?? []) as { field: string; code: unknown; params?: unknown }[];
    const fields = errors.map((e) => e.field);
    // Every field error names its rule by a stable code (ADR 23), and each field once.
    for (const e of errors) {
      expect({ field: e.field, code: e.code }).toEqual({
        field: e.field,
        code: expect.stringMatching(/^[a-z]+(_[a-z]+)*$/),
      });
      if (e.params !== undefined) expect(typeof e.params).toBe('object');
    }
    expect(new Set(fields).size).toBe(fields.length);
    const { field } = input;
    expect(fields).toEqual(
      expect.arrayContaining([field instanceof RegExp ? expect.stringMatching(field) : field]),
    );
  }

  it('has at least 30 POST and 12 PATCH cases, and the 2 MB body is over the limit', () => {
    expect(POST_CASES.length).toBeGreaterThanOrEqual(30);
    expect(PATCH_CASES.length).toBeGreaterThanOrEqual(12);
    expect(TWO_MB.length).toBeGreaterThan(t.config.bodyLimitBytes);
  });

  describe('POST /api/v1/cases', () => {
    it.each(POST_CASES)('refuses $name', async (input) => {
      const before = await counts();
      const response = await send(
        t
          .http()
          .post('/api/v1/cases')
          .set(headers[input.who ?? 'buyer']!),
        input,
      );
      expectRefused(response, input);
      expect(await counts()).toEqual(before);
    });
  });

  describe('PATCH /api/v1/cases/{id}', () => {
    let caseId: string | undefined;

    /** A case at version 1; filed again if an earlier (wrongly accepted) edit changed it. */
    async function pristineCase(): Promise<Record<string, unknown>> {
      if (caseId) {
        const current = await t
          .http()
          .get(`/api/v1/cases/${caseId}`)
          .set(headers.buyer!)
          .expect(200);
        if (current.body.version === 1) return current.body;
      }
      caseId = (await fileCase(t)).id;
      return (await t.http().get(`/api/v1/cases/${caseId}`).set(headers.buyer!).expect(200)).body;
    }

    it.each(PATCH_CASES)('refuses $name', async (input) => {
      const original = await pristineCase();
      const before = await counts();
      const response = await send(
        t
          .http()
          .patch(`/api/v1/cases/${caseId}`)
          .set({ ...headers[input.who ?? 'buyer']!, 'If-Match': '"1"' }),
        input,
      );
      expectRefused(response, input);
      expect(await counts()).toEqual(before);
      const after = await t.http().get(`/api/v1/cases/${caseId}`).set(headers.buyer!).expect(200);
      expect(after.headers.etag).toBe('"1"');
      expect(after.body).toEqual(original);
    });
  });

  describe('random bodies', () => {
    /** Strings with the characters that trouble parsers, databases and logs. */
    const nastyString = fc
      .array(
        fc.oneof(
          fc.string(),
          fc.constantFrom('\u0000', '\ud800', '\u202e', '"', '\\', "'; DROP TABLE cases; --", '😀'),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join(''));
    const anyValue = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.anything({ maxDepth: 2 }),
      nastyString,
      fc.integer(),
      fc.double(),
    );
    /** Mostly the valid value, sometimes anything, sometimes left out. */
    const field = (valid: unknown) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(valid) },
        { weight: 2, arbitrary: anyValue },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
    const domainEntry = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record(
          {
            code: fc.oneof(
              fc.constantFrom('energy', 'housing', 'care', 'energy-poverty', 'nope', INACTIVE),
              anyValue,
            ),
            role: fc.oneof(fc.constantFrom('lead', 'affected'), anyValue),
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: anyValue },
    );
    const mutatedCase = fc
      .tuple(
        fc.record({
          title: fc.oneof(field(MODEL_CASE.title), nastyString),
          description: fc.oneof(field(MODEL_CASE.description), nastyString),
          tenderReference: fc.oneof(field(MODEL_CASE.tenderReference), nastyString),
          procurementStage: field(MODEL_CASE.procurementStage),
          estimatedValueCents: fc.oneof(
            field(MODEL_CASE.estimatedValueCents),
            fc.integer({ min: -1, max: 2 ** 31 }),
            fc.constantFrom(0, 10 ** 13, 10 ** 13 + 1, Number.MAX_SAFE_INTEGER, 2 ** 63),
          ),
          priority: field(MODEL_CASE.priority),
          deadline: fc.oneof(
            field(MODEL_CASE.deadline),
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          ),
          domains: fc.oneof(field(MODEL_CASE.domains), fc.array(domainEntry, { maxLength: 14 })),
          organisationUnitId: fc.oneof(fc.constant(undefined), fc.uuid(), anyValue),
        }),
        fc.dictionary(fc.string(), anyValue, { maxKeys: 2 }),
      )
      .map(([fields, extra]) => ({ ...extra, ...fields }));
    /** The model case with exactly one field (or one extra field) wrong. */
    const badValue = fc.oneof(
      { weight: 2, arbitrary: nastyString.map((s) => `Titel ${s} einde`) },
      { weight: 1, arbitrary: nastyString },
      { weight: 1, arbitrary: anyValue },
    );
    const oneFieldWrong = fc
      .tuple(
        fc.constantFrom(...Object.keys(MODEL_CASE), 'organisationUnitId', 'initialFunding', 'x'),
        badValue,
      )
      .map(([key, value]) => ({ ...MODEL_CASE, [key]: value }));
    const oneDomainWrong = fc
      .tuple(fc.nat({ max: MODEL_CASE.domains.length - 1 }), domainEntry)
      .map(([index, entry]) => ({
        ...MODEL_CASE,
        domains: MODEL_CASE.domains.map((d, i) => (i === index ? entry : d)),
      }));
    const body = fc.oneof(
      { weight: 1, arbitrary: fc.jsonValue() },
      { weight: 1, arbitrary: fc.anything() },
      { weight: 2, arbitrary: mutatedCase },
      { weight: 3, arbitrary: oneFieldWrong },
      { weight: 1, arbitrary: oneDomainWrong },
    );

    it('never answers 500, and every refusal is problem+json', async () => {
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const response = await t
            .http()
            .post('/api/v1/cases')
            .set(headers.buyer!)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(value) ?? '');
          if (response.status >= 500) {
            throw new Error(`${response.status}: ${response.text.slice(0, 500)}`);
          }
          if (response.status !== 201) {
            expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          }
        }),
        { numRuns: 300 },
      );
    }, 60_000);
  });
});
