import { AttemptWindows, throttleAddress } from './attempt-windows';

describe('throttleAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:127.0.0.1', '127.0.0.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::ffff', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:0000:0000:0000:0001', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (address, expected) => {
    expect(throttleAddress(address)).toBe(expected);
  });
});

describe('AttemptWindows', () => {
  const keys = (pair: number, address: number) => [
    { key: 'pair', limit: pair },
    { key: 'address', limit: address },
  ];

  it('counts up to the limit, then answers the time left in the window', () => {
    const windows = new AttemptWindows();
    for (let i = 0; i < 3; i++) expect(windows.take(keys(3, 10), 60_000, 1000 + i)).toBe(0);
    expect(windows.take(keys(3, 10), 60_000, 2000)).toBe(59_000);
    // The window starts at the first attempt; after it, counting starts afresh.
    expect(windows.take(keys(3, 10), 60_000, 61_000)).toBe(0);
  });

  it('counts nothing when one key is at its limit', () => {
    const windows = new AttemptWindows();
    expect(windows.take(keys(10, 1), 60_000, 0)).toBe(0);
    expect(windows.take(keys(10, 1), 60_000, 0)).toBeGreaterThan(0);
    // The refused attempt did not count against the pair.
    windows.release('nothing', 'address', 0);
    for (let i = 0; i < 9; i++) expect(windows.take(keys(10, 10), 60_000, 0)).toBe(0);
    expect(windows.take(keys(10, 10), 60_000, 0)).toBeGreaterThan(0);
  });

  it('a success clears the pair and gives back its own attempt on the address', () => {
    const windows = new AttemptWindows();
    for (let i = 0; i < 2; i++) windows.take(keys(3, 3), 60_000, 0);
    windows.take(keys(3, 3), 60_000, 0);
    windows.release('pair', 'address', 0);
    // Pair cleared; address at 2 of 3.
    expect(windows.take(keys(3, 3), 60_000, 0)).toBe(0);
    expect(windows.take(keys(3, 3), 60_000, 0)).toBeGreaterThan(0);
  });

  it('keeps at most its capacity, dropping the oldest window', () => {
    const windows = new AttemptWindows(100);
    for (let i = 0; i < 1000; i++) {
      windows.take([{ key: `k${i}`, limit: 1 }], 60_000, i);
    }
    expect(windows.size).toBe(100);
    expect(windows.take([{ key: 'k999', limit: 1 }], 60_000, 1000)).toBeGreaterThan(0);
    expect(windows.take([{ key: 'k0', limit: 1 }], 60_000, 1000)).toBe(0);
  });
});
