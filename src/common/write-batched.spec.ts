import { Readable, Writable } from 'node:stream';
import { writeBatched } from './write-batched';

/** A stream that records each write it is handed: one entry per system call it would make. */
function recorder(): { out: Writable; calls: Buffer[][] } {
  const calls: Buffer[][] = [];
  const out = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, done) {
      calls.push([chunk]);
      done();
    },
    writev(chunks, done) {
      calls.push(chunks.map((c) => c.chunk as Buffer));
      done();
    },
  });
  return { out, calls };
}

const parts = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`{"seq":${i}}\n`));

describe('writeBatched', () => {
  it('writes every byte in order, in batches of at least the given size, uncopied', async () => {
    const input = parts(100);
    const { out, calls } = recorder();
    await writeBatched(Readable.from(input), out, 64);
    expect(Buffer.concat(calls.flat()).toString()).toBe(Buffer.concat(input).toString());
    for (const call of calls.slice(0, -1)) {
      expect(call.reduce((sum, c) => sum + c.length, 0)).toBeGreaterThanOrEqual(64);
    }
    expect(calls.length).toBeLessThan(input.length / 4);
    // The very buffers read, not copies of them.
    expect(calls.flat()[0]).toBe(input[0]);
  });

  it('writes what is left at the end, and nothing for nothing', async () => {
    const small = recorder();
    await writeBatched(Readable.from([Buffer.from('abc')]), small.out, 1024);
    expect(small.calls.map((call) => Buffer.concat(call).toString())).toEqual(['abc']);
    const none = recorder();
    await writeBatched(Readable.from([]), none.out, 1024);
    expect(none.calls).toEqual([]);
  });

  it('stops reading and rejects when the stream written to closes while it waits', async () => {
    let read = 0;
    const source = new Readable({
      highWaterMark: 256,
      read() {
        read++;
        this.push(Buffer.alloc(100, 'x'));
      },
    });
    // Never finishes a write: it asks for a drain at once, then goes away.
    const out = new Writable({ highWaterMark: 16, write() {} });
    const writing = writeBatched(source, out, 64);
    setImmediate(() => out.destroy());
    await expect(writing).rejects.toThrow('closed');
    expect(source.destroyed).toBe(true);
    expect(read).toBeLessThan(10);
  });
});
