import { canonicalJson } from './canonical-json';

/** A double from its IEEE 754 bit pattern, as RFC 8785 appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('writes the example of RFC 8785 section 3.2.2', () => {
    const input = `{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, also beyond ASCII (RFC 8785 section 3.2.3)', () => {
    const input = `{
      "\\u20ac": "Euro Sign",
      "\\r": "Carriage Return",
      "\\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\\ud83d\\ude00": "Emoji: Grinning Face",
      "\\u0080": "Control",
      "\\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts integer-like keys as strings, not in the order JavaScript enumerates them', () => {
    expect(canonicalJson({ b: 1, 10: 2, 9: 3, a: 4, '': 5, B: 6 })).toBe(
      '{"":5,"10":2,"9":3,"B":6,"a":4,"b":1}',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalJson({ z: [3, { y: 1, x: [] }, 1], a: { d: {}, c: null } })).toBe(
      '{"a":{"c":null,"d":{}},"z":[3,{"x":[],"y":1},1]}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('writes the double with bits %s as %s (RFC 8785 appendix B)', (bits, text) => {
    expect(canonicalJson(fromBits(bits))).toBe(text);
  });

  it('writes numbers the ECMAScript way', () => {
    expect(canonicalJson([-0, 1e21, 1e20, 1e-7, 1e-6, 0.1 + 0.2, 4.5, 100, -1.5e-10])).toBe(
      '[0,1e+21,100000000000000000000,1e-7,0.000001,0.30000000000000004,4.5,100,-1.5e-10]',
    );
  });

  it('refuses numbers JSON cannot represent', () => {
    expect(() => canonicalJson(NaN)).toThrow(/NaN/);
    expect(() => canonicalJson({ a: [Infinity] })).toThrow(/\$\.a\[0\] is Infinity/);
    expect(() => canonicalJson(-Infinity)).toThrow(Error);
    expect(() => canonicalJson(fromBits('7fffffffffffffff'))).toThrow(Error);
    expect(() => canonicalJson(fromBits('7ff0000000000000'))).toThrow(Error);
  });

  it('escapes strings as JSON.stringify does', () => {
    const text = 'quote " backslash \\ slash / \b\f\n\r\t \u0000\u001f\u007f \u2028 é 😀';
    expect(canonicalJson(text)).toBe(JSON.stringify(text));
    expect(canonicalJson('\u0001')).toBe('"\\u0001"');
  });

  it('refuses lone surrogates, in values and in keys', () => {
    expect(() => canonicalJson('a\ud800')).toThrow(/lone surrogate/);
    expect(() => canonicalJson('\udc00b')).toThrow(/lone surrogate/);
    expect(() => canonicalJson('\ude00\ud83d')).toThrow(/lone surrogate/);
    expect(() => canonicalJson({ ['k\ud83d']: 1 })).toThrow(/lone surrogate/);
    expect(canonicalJson('\ud83d\ude00')).toBe('"😀"');
  });

  it('leaves out undefined object members, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 1, c: { d: undefined } })).toBe('{"b":1,"c":{}}');
  });

  it('refuses undefined elsewhere, functions, symbols, bigints, Maps, Sets and cycles', () => {
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
    expect(() => canonicalJson([1, undefined])).toThrow(/\$\[1\] is undefined/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson({ s: Symbol('x') })).toThrow(/symbol/);
    expect(() => canonicalJson({ [Symbol('k')]: 1 })).toThrow(/symbol key/);
    expect(() => canonicalJson({ n: 10n })).toThrow(/bigint/);
    expect(() => canonicalJson({ m: new Map([[1, 2]]) })).toThrow(/Map/);
    expect(() => canonicalJson([new Set([1])])).toThrow(/Set/);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('honours toJSON and unboxes boxed primitives, as JSON.stringify does', () => {
    const date = new Date(Date.UTC(2026, 10, 28, 10, 0, 0, 0));
    expect(canonicalJson({ at: date })).toBe('{"at":"2026-11-28T10:00:00.000Z"}');
    // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types
    const boxed: [Number, String, Boolean] = [new Number(1.5), new String('s'), new Boolean(false)];
    expect(canonicalJson(boxed)).toBe('[1.5,"s",false]');
  });

  it('writes plain JSON values without whitespace', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson({ a: [1, { b: 'c d' }] })).toBe('{"a":[1,{"b":"c d"}]}');
  });

  it.each<[string, unknown]>([
    ['an audit payload', { status: 'open', amount: 1234.5, tags: ['a', 'b'], nested: { z: 1 } }],
    ['awkward numbers', [1e21, 1e-7, -0, 0.1 + 0.2, 5e-324, 1.7976931348623157e308, 2 ** 53 + 2]],
    ['awkward strings', { '\u0000': '\u001f"\\', é: '😀\u2028', '\ufb33': '' }],
    ['deep nesting', { a: { b: { c: { d: [[[{ e: null }]]] } } } }],
  ])('is idempotent: %s', (_name, value) => {
    const once = canonicalJson(value);
    expect(canonicalJson(JSON.parse(once))).toBe(once);
  });

  it('gives the same text for the same value, whatever the order of its keys', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(
      canonicalJson({ b: { d: 3, c: 2 }, a: 1 }),
    );
  });
});
