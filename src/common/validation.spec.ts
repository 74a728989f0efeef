import type { ValidationError } from '@nestjs/common';
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
});
