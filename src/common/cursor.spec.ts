import { CursorCodec } from './cursor';
import { InvalidCursor } from './errors';

describe('CursorCodec', () => {
  const codec = new CursorCodec('a-secret-of-enough-length-for-tests');

  it('round-trips a position within its scope', () => {
    const cursor = codec.encode(['2026-11-28T10:00:00.000Z', 'abc'], 'cases:q');
    expect(codec.decode(cursor, 'cases:q')).toEqual(['2026-11-28T10:00:00.000Z', 'abc']);
  });

  it('refuses a cursor moved to another query', () => {
    const cursor = codec.encode([1], 'cases:a');
    expect(() => codec.decode(cursor, 'cases:b')).toThrow(InvalidCursor);
  });

  it('refuses a tampered or forged cursor', () => {
    const cursor = codec.encode(['x'], 's');
    const [body, mac] = cursor.split('.');
    const forged = `${Buffer.from('["y"]').toString('base64url')}.${mac}`;
    expect(() => codec.decode(forged, 's')).toThrow(InvalidCursor);
    expect(() => codec.decode(`${body}.AAAA`, 's')).toThrow(InvalidCursor);
    expect(() => codec.decode('garbage', 's')).toThrow(InvalidCursor);
    expect(() => codec.decode('', 's')).toThrow(InvalidCursor);
    expect(() => codec.decode('a.b.c', 's')).toThrow(InvalidCursor);
  });

  it('refuses a cursor signed with another secret', () => {
    const other = new CursorCodec('another-secret-of-enough-length-here');
    expect(() => codec.decode(other.encode([1], 's'), 's')).toThrow(InvalidCursor);
  });
});
