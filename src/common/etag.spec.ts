import { PreconditionFailed, PreconditionRequired, ValidationFailed } from './errors';
import { checkIfMatch, etagOf, parseIfMatch } from './etag';

describe('If-Match', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['  ', undefined],
    ['*', undefined],
    ['"3"', ['3']],
    [' "3" ', ['3']],
    ['W/"3"', []],
    ['W/"3", W/"4"', []],
    ['"2", "3"', ['2', '3']],
    ['W/"3", "4"', ['4']],
    ['"abc"', ['abc']],
    ['""', ['']],
    ['"0003"', ['0003']],
    ['"2", , "3",', ['2', '3']],
  ])('reads %j as the strong tags %j', (header, strong) => {
    expect(parseIfMatch(header)).toEqual(strong === undefined ? undefined : { strong });
  });

  it.each(['3', 'abc', 'w/"3"', 'W/3', '"3', '"3" "4"', '"3",,x', '"a"b"', '*, "3"'])(
    'refuses %j, which is not a list of entity tags (400)',
    (header) => {
      expect(() => parseIfMatch(header)).toThrow(ValidationFailed);
    },
  );

  it('matches strongly, character by character, the current version only', () => {
    expect(() => checkIfMatch(parseIfMatch(etagOf(3)), 3)).not.toThrow();
    expect(() => checkIfMatch(parseIfMatch('"2", "3"'), 3)).not.toThrow();
    expect(() => checkIfMatch(undefined, 3)).toThrow(PreconditionRequired);
    for (const stale of ['"2"', 'W/"3"', '"03"', '"3.0"', '"999"']) {
      expect(() => checkIfMatch(parseIfMatch(stale), 3)).toThrow(PreconditionFailed);
    }
  });
});
