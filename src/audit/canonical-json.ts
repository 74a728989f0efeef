/**
 * RFC 8785, the JSON Canonicalization Scheme (JCS): one exact text for a JSON value, so that a
 * hash over it can be recomputed by anyone who holds the same value.
 *
 * - object members sorted by their keys' UTF-16 code units (what `Array.prototype.sort` does for
 *   strings), no whitespace anywhere;
 * - numbers as ECMAScript's Number::toString writes them (`-0` becomes `0`); NaN and ±Infinity
 *   have no JSON form and are refused;
 * - strings escaped as `JSON.stringify` escapes them; a lone surrogate cannot be encoded as
 *   UTF-8 and is refused (in values and in keys);
 * - `undefined` object members are left out, as `JSON.stringify` does; `undefined` anywhere else,
 *   functions, symbols and bigints are refused, and so are Maps, Sets and cycles (which
 *   `JSON.stringify` would silently turn into `{}` or fail on). `toJSON()` is honoured (a `Date`
 *   becomes its ISO string), and boxed primitives are unboxed, as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out, new Set<object>(), '$');
  return out.join('');
}

const LONE_SURROGATE = /\p{Cs}/u;

function fail(path: string, problem: string): never {
  throw new Error(`canonicalJson: ${path} ${problem}`);
}

function writeString(text: string, out: string[], path: string): void {
  if (LONE_SURROGATE.test(text)) fail(path, 'contains a lone surrogate (not valid Unicode)');
  out.push(JSON.stringify(text));
}

function write(input: unknown, out: string[], ancestors: Set<object>, path: string): void {
  let value = input;
  if (isObject(value) && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON('');
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    value = value.valueOf();
  }
  if (value === null) {
    out.push('null');
  } else if (value === true || value === false) {
    out.push(value ? 'true' : 'false');
  } else if (typeof value === 'string') {
    writeString(value, out, path);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(path, `is ${value}, which JSON cannot represent`);
    // Number::toString is exactly the JCS number form; it already writes -0 as "0".
    out.push(String(value));
  } else if (value === undefined) {
    fail(path, 'is undefined (only an object member may be undefined; it is then left out)');
  } else if (!isObject(value)) {
    fail(path, `is a ${typeof value}, which JSON cannot represent`);
  } else {
    if (ancestors.has(value)) fail(path, 'refers to itself (a cycle)');
    ancestors.add(value);
    if (Array.isArray(value)) writeArray(value, out, ancestors, path);
    else writeObject(value, out, ancestors, path);
    ancestors.delete(value);
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function writeArray(
  items: readonly unknown[],
  out: string[],
  ancestors: Set<object>,
  path: string,
): void {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    write(items[i], out, ancestors, `${path}[${i}]`);
  }
  out.push(']');
}

function writeObject(object: object, out: string[], ancestors: Set<object>, path: string): void {
  if (
    object instanceof Map ||
    object instanceof Set ||
    object instanceof WeakMap ||
    object instanceof WeakSet
  ) {
    fail(path, `is a ${object.constructor.name}, which JSON cannot represent`);
  }
  if (
    Object.getOwnPropertySymbols(object).some((s) =>
      Object.prototype.propertyIsEnumerable.call(object, s),
    )
  ) {
    fail(path, 'has a symbol key, which JSON cannot represent');
  }
  const record = object as Record<string, unknown>;
  // The default sort compares strings by UTF-16 code units, which is exactly what JCS asks for.
  const keys = Object.keys(record).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out.push(',');
    first = false;
    writeString(key, out, `${path} key ${JSON.stringify(key)}`);
    out.push(':');
    write(member, out, ancestors, `${path}.${key}`);
  }
  out.push('}');
}
