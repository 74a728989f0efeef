import type { ValidationError } from '@nestjs/common';
import { PROCUREMENT_STAGES, SUPPLIER_TYPES } from '../cases/case-transitions';
import { FileCaseDto } from '../cases/dto/case-input.dto';
import { TransitionDto } from '../cases/dto/transition.dto';
import { ValidationFailed, type FieldError } from './errors';
import { INPUT_LIMITS } from './input-limits';
import { TEXT_MESSAGES } from './text';
import {
  BrugValidationPipe,
  CONSTRAINT_RULES,
  flattenValidationErrors,
  inputProblems,
  MAX_INPUT_DEPTH,
} from './validation';

describe('flattenValidationErrors', () => {
  it('names nested and array fields by path', () => {
    const errors: ValidationError[] = [
      { property: 'title', constraints: { isLength: 'title must be longer than 5' }, children: [] },
      {
        property: 'domains',
        children: [
          {
            property: '1',
            children: [
              {
                property: 'code',
                constraints: { isString: 'code must be a string' },
                children: [],
              },
            ],
          },
        ],
      },
      {
        property: 'extra',
        constraints: { whitelistValidation: 'property extra should not exist' },
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'title', code: 'too_long', message: 'must be longer than 5' },
      { field: 'domains[1].code', code: 'not_a_string', message: 'must be a string' },
      { field: 'extra', code: 'unknown_field', message: 'is not a known field' },
    ]);
  });
});

describe('inputProblems', () => {
  it('names NUL characters, prototype keys and runaway nesting by field', () => {
    expect(inputProblems({ title: 'a\u0000b', ok: 'fine' })).toEqual([
      {
        field: 'title',
        code: 'invalid_text',
        message: 'must not contain the NUL character',
        params: { reason: 'nul' },
      },
    ]);
    expect(
      inputProblems(JSON.parse('{"__proto__": {"admin": true}, "a": {"constructor": 1}}')),
    ).toEqual([
      { field: '__proto__', code: 'unknown_field', message: 'is not a known field' },
      { field: 'a.constructor', code: 'unknown_field', message: 'is not a known field' },
    ]);
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(inputProblems({ title: deep })).toEqual([
      {
        field: 'title',
        code: 'too_deep',
        message: `is nested deeper than ${MAX_INPUT_DEPTH} levels`,
        params: { max: MAX_INPUT_DEPTH },
      },
    ]);
    expect(inputProblems({ domains: [{ code: 'energy', role: 'lead' }] })).toEqual([]);
  });

  it('names lone surrogates in any string, nested or not, in body or query', () => {
    const surrogate = {
      code: 'invalid_text',
      message: TEXT_MESSAGES.loneSurrogate,
      params: { reason: 'lone_surrogate' },
    };
    expect(inputProblems({ body: 'a\uD800', ok: '😀', list: [{ note: '\uDC00b' }] })).toEqual([
      { field: 'body', ...surrogate },
      { field: 'list[0].note', ...surrogate },
    ]);
    expect(inputProblems('\uD800', '(query)')).toEqual([{ field: '(query)', ...surrogate }]);
  });

  it('stops at the first size limit and answers that one problem', () => {
    const keys = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    const { maxKeysPerObject, maxArrayItems, maxValues, maxDepth } = INPUT_LIMITS;
    expect(inputProblems(keys(maxKeysPerObject))).toEqual([]);
    expect(inputProblems(keys(105_000))).toEqual([
      {
        field: '(body)',
        code: 'too_big',
        message: `has more than ${maxKeysPerObject} fields`,
        params: { maxFields: maxKeysPerObject },
      },
    ]);
    expect(inputProblems({ a: { b: keys(maxKeysPerObject + 1) } }, '(query)')).toEqual([
      {
        field: 'a.b',
        code: 'too_big',
        message: `has more than ${maxKeysPerObject} fields`,
        params: { maxFields: maxKeysPerObject },
      },
    ]);
    expect(inputProblems({ domains: new Array(maxArrayItems).fill('x') })).toEqual([]);
    expect(inputProblems({ domains: new Array(1_000_000).fill('\u0000') })).toEqual([
      {
        field: 'domains',
        code: 'too_many_items',
        message: `has more than ${maxArrayItems} items`,
        params: { max: maxArrayItems },
      },
    ]);
    // Many small objects, each within its limits, add up.
    const wide = Array.from({ length: 20 }, () =>
      Array.from({ length: maxArrayItems }, () => keys(1)),
    );
    expect(inputProblems({ a: wide })).toEqual([
      {
        field: '(body)',
        code: 'too_big',
        message: `holds more than ${maxValues} fields and array items in all`,
        params: { maxValues },
      },
    ]);
    let deep: unknown = 'x';
    for (let i = 0; i < maxDepth - 1; i++) deep = [deep];
    expect(inputProblems({ a: deep })).toEqual([]);
    expect(inputProblems({ a: [deep] })).toEqual([
      {
        field: 'a',
        code: 'too_deep',
        message: `is nested deeper than ${maxDepth} levels`,
        params: { max: maxDepth },
      },
    ]);
  });

  it('lists at most 20 problems', () => {
    const bad = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, '\u0000']));
    expect(inputProblems(bad)).toHaveLength(20);
  });
});

describe('field error codes (the mapping table)', () => {
  const pipe = new BrugValidationPipe();
  /** The field errors the global pipe answers for `body` sent to a route taking `dto`. */
  async function errorsFor(dto: new () => object, body: unknown): Promise<FieldError[]> {
    try {
      await pipe.transform(body, { type: 'body', metatype: dto });
    } catch (error) {
      if (error instanceof ValidationFailed) return error.extra.errors ?? [];
      throw error;
    }
    return [];
  }
  const byField = (errors: FieldError[]) =>
    Object.fromEntries(errors.map(({ field, code, params }) => [field, { code, params }]));

  it('gives every broken rule of a filing a code and the params it names', async () => {
    const errors = await errorsFor(FileCaseDto, {
      title: 'x'.repeat(201),
      tenderReference: 'a\nb',
      procurementStage: 'soon',
      estimatedValueCents: 10_000_000_000_001,
      deadline: '2027-02-30',
      domains: [{ code: 'Energy', role: 'lead' }],
      initialFunding: [{ domainCode: 'energy', amountCents: 1.5 }],
      surprise: true,
    });
    expect(byField(errors)).toEqual({
      title: { code: 'too_long', params: { min: 5, max: 200 } },
      tenderReference: { code: 'invalid_text', params: { reason: 'line_break', char: 'U+000A' } },
      procurementStage: {
        code: 'not_one_of',
        params: { allowed: PROCUREMENT_STAGES },
      },
      estimatedValueCents: { code: 'out_of_range', params: { min: 0, max: 10_000_000_000_000 } },
      deadline: { code: 'invalid_date', params: { format: 'YYYY-MM-DD' } },
      'domains[0].code': { code: 'not_a_code', params: undefined },
      'initialFunding[0].amountCents': { code: 'not_an_integer', params: undefined },
      surprise: { code: 'unknown_field', params: undefined },
    });
  });

  it('reports one error per field: a missing amount is required, not out of range', async () => {
    const errors = await errorsFor(FileCaseDto, {
      title: '',
      domains: [],
      initialFunding: [{ domainCode: 'energy' }, { domainCode: 'energy', amountCents: '1,2' }],
    });
    expect(byField(errors)).toEqual({
      title: { code: 'required', params: undefined },
      estimatedValueCents: { code: 'required', params: undefined },
      domains: { code: 'too_few_items', params: { min: 1 } },
      'initialFunding[0].amountCents': { code: 'required', params: undefined },
      'initialFunding[1].amountCents': { code: 'not_an_integer', params: undefined },
    });
    expect(new Set(errors.map((e) => e.field)).size).toBe(errors.length);
  });

  it('names the reason and the length of text and transition rules', async () => {
    expect(byField(await errorsFor(TransitionDto, { to: 'declined', reason: '   ' }))).toEqual({
      reason: { code: 'required', params: undefined },
    });
    expect(
      byField(
        await errorsFor(TransitionDto, {
          to: 'resolved',
          outcome: { summary: 'ok', supplierName: 'x'.repeat(201), supplierType: '' },
        }),
      ),
    ).toEqual({
      'outcome.supplierName': { code: 'too_long', params: { min: 1, max: 200 } },
      'outcome.supplierType': {
        code: 'not_one_of',
        params: { allowed: SUPPLIER_TYPES },
      },
      'outcome.awardedValueCents': { code: 'required', params: undefined },
    });
    expect(byField(await errorsFor(TransitionDto, { to: 'proposed' }))).toEqual({
      proposal: { code: 'required', params: undefined },
    });
    expect(byField(await errorsFor(TransitionDto, { to: 'declined', reason: 'a\u202Eb' }))).toEqual(
      {
        reason: { code: 'invalid_text', params: { reason: 'bidi', char: 'U+202E' } },
      },
    );
  });

  it('codes a constraint it does not know as invalid, and every known one as listed', () => {
    expect(
      flattenValidationErrors([{ property: 'x', constraints: { somethingNew: 'x is odd' } }]),
    ).toEqual([{ field: 'x', code: 'invalid', message: 'is odd' }]);
    for (const [constraint, rule] of Object.entries(CONSTRAINT_RULES)) {
      expect([constraint, rule.code]).toEqual([constraint, expect.stringMatching(/^[a-z_]+$/)]);
    }
  });
});
