import { Writable } from 'node:stream';
import { writeWhole } from './write-batched';

/** A stream that records each write it is handed, finishing each when told to. */
function recorder(highWaterMark: number): { out: Writable; writes: Buffer[]; finish: () => void } {
  const writes: Buffer[] = [];
  const pending: (() => void)[] = [];
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      writes.push(chunk);
      pending.push(done);
    },
  });
  return { out, writes, finish: () => pending.splice(0).forEach((done) => done()) };
}

describe('writeWhole', () => {
  it('hands each batch over whole, in order, uncopied', async () => {
    const { out, writes, finish } = recorder(1024);
    const batches = [Buffer.from('{"seq":1}\n'), Buffer.from('{"seq":2}\n')];
    for (const batch of batches) {
      const writing = writeWhole(out, batch);
      finish();
      await writing;
    }
    expect(writes).toEqual(batches);
    expect(writes[0]).toBe(batches[0]);
  });

  it('resolves only when the stream has taken the batch, so its buffer can be filled again', async () => {
    const { out, finish } = recorder(16);
    let done = false;
    const writing = writeWhole(out, Buffer.alloc(64, 'x')).then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    finish();
    await writing;
    expect(done).toBe(true);
  });

  it('rejects when the stream closes while it waits, or was closed before', async () => {
    const { out } = recorder(16);
    const writing = writeWhole(out, Buffer.alloc(64, 'x'));
    setImmediate(() => out.destroy());
    await expect(writing).rejects.toThrow('closed');
    await expect(writeWhole(out, Buffer.from('more'))).rejects.toThrow('closed');
  });
});
