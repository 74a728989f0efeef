import { createHash } from 'node:crypto';
import { statementName } from './prepared';

describe('statementName', () => {
  it('names a statement after its SQL text, the same name every time', () => {
    const sql = 'SELECT id FROM cases WHERE status = $1';
    const expected = `brug_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    expect(statementName(sql)).toBe(expected);
    expect(statementName(sql)).toBe(expected);
  });

  it('gives different texts different names, also after many distinct texts', () => {
    const a = statementName('SELECT 1');
    for (let i = 0; i < 1500; i++) statementName(`SELECT ${i + 2}`);
    expect(statementName('SELECT 1')).toBe(a);
    expect(statementName('SELECT 2')).not.toBe(a);
  });
});
