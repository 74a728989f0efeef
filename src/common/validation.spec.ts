import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation';

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
