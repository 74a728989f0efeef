import { hash } from 'node:crypto';
import { BinaryTreeEdge, sha256Binary, TreeEdge } from './merkle';

describe('BinaryTreeEdge', () => {
  it('has the root TreeEdge has, at every size from 0 to 300', () => {
    const edge = new TreeEdge();
    const binary = new BinaryTreeEdge();
    expect(binary.root().equals(edge.root())).toBe(true);
    for (let i = 0; i < 300; i++) {
      // Leaf hashes with every byte value, 0x80–0xff included (one character each).
      const leaf = hash('sha256', Buffer.of(0, i & 0xff, i >> 8), 'buffer');
      edge.push(leaf);
      binary.push(sha256Binary(Buffer.of(0, i & 0xff, i >> 8)));
      expect(binary.size).toBe(edge.size);
      expect(binary.root().toString('hex')).toBe(edge.root().toString('hex'));
    }
  });
});
