import type { ValidationError } from '@nestjs/common';
import { INPUT_LIMITS } from './input-limits';
import { TEXT_MESSAGES } from './text';
import { flattenValidationErrors, inputProblems, MAX_INPUT_DEPTH } from './validation';

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
      { field: 'title', message: 'must be longer than 5' },
      { field: 'domains[1].code', message: 'must be a string' },
      { field: 'extra', message: 'is not a known field' },
    ]);
  });
});

describe('inputProblems', () => {
  it('names NUL characters, prototype keys and runaway nesting by field', () => {
    expect(inputProblems({ title: 'a\u0000b', ok: 'fine' })).toEqual([
      { field: 'title', message: 'must not contain the NUL character' },
    ]);
    expect(
      inputProblems(JSON.parse('{"__proto__": {"admin": true}, "a": {"constructor": 1}}')),
    ).toEqual([
      { field: '__proto__', message: 'is not a known field' },
      { field: 'a.constructor', message: 'is not a known field' },
    ]);
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(inputProblems({ title: deep })).toEqual([
      { field: 'title', message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` },
    ]);
    expect(inputProblems({ domains: [{ code: 'energy', role: 'lead' }] })).toEqual([]);
  });

  it('names lone surrogates in any string, nested or not, in body or query', () => {
    expect(inputProblems({ body: 'a\uD800', ok: '😀', list: [{ note: '\uDC00b' }] })).toEqual([
      { field: 'body', message: TEXT_MESSAGES.loneSurrogate },
      { field: 'list[0].note', message: TEXT_MESSAGES.loneSurrogate },
    ]);
    expect(inputProblems('\uD800', '(query)')).toEqual([
      { field: '(query)', message: TEXT_MESSAGES.loneSurrogate },
    ]);
  });

  it('stops at the first size limit and answers that one problem', () => {
    const keys = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    const { maxKeysPerObject, maxArrayItems, maxValues, maxDepth } = INPUT_LIMITS;
    expect(inputProblems(keys(maxKeysPerObject))).toEqual([]);
    expect(inputProblems(keys(105_000))).toEqual([
      { field: '(body)', message: `has more than ${maxKeysPerObject} fields` },
    ]);
    expect(inputProblems({ a: { b: keys(maxKeysPerObject + 1) } }, '(query)')).toEqual([
      { field: 'a.b', message: `has more than ${maxKeysPerObject} fields` },
    ]);
    expect(inputProblems({ domains: new Array(maxArrayItems).fill('x') })).toEqual([]);
    expect(inputProblems({ domains: new Array(1_000_000).fill('\u0000') })).toEqual([
      { field: 'domains', message: `has more than ${maxArrayItems} items` },
    ]);
    // Many small objects, each within its limits, add up.
    const wide = Array.from({ length: 20 }, () =>
      Array.from({ length: maxArrayItems }, () => keys(1)),
    );
    expect(inputProblems({ a: wide })).toEqual([
      { field: '(body)', message: `holds more than ${maxValues} fields and array items in all` },
    ]);
    let deep: unknown = 'x';
    for (let i = 0; i < maxDepth - 1; i++) deep = [deep];
    expect(inputProblems({ a: deep })).toEqual([]);
    expect(inputProblems({ a: [deep] })).toEqual([
      { field: 'a', message: `is nested deeper than ${maxDepth} levels` },
    ]);
  });

  it('lists at most 20 problems', () => {
    const bad = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, '\u0000']));
    expect(inputProblems(bad)).toHaveLength(20);
  });
});
