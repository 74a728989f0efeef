import { Readable } from 'node:stream';
import { batchedChunks } from './batched-chunks';

async function collect(parts: string[], bytes: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(parts.map((p) => Buffer.from(p))).pipe(
    batchedChunks(bytes),
  )) {
    out.push(chunk as Buffer);
  }
  return out;
}

describe('batchedChunks', () => {
  it('passes every byte through in order, in chunks of at least the given size', async () => {
    const parts = Array.from({ length: 100 }, (_, i) => `{"seq":${i}}\n`);
    const out = await collect(parts, 64);
    expect(Buffer.concat(out).toString()).toBe(parts.join(''));
    for (const chunk of out.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(64);
    expect(out.length).toBeLessThan(parts.length / 4);
  });

  it('ends with what is left, and gives nothing for nothing', async () => {
    expect((await collect(['abc'], 1024)).map(String)).toEqual(['abc']);
    expect(await collect([], 1024)).toEqual([]);
  });
});
