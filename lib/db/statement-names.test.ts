import { describe, expect, it } from 'vitest';
import { statementName } from './statement-names';

describe('statementName', () => {
  it('one name per text, the same every time; another text, another name', () => {
    const select = `SELECT id FROM plans WHERE id = $1 ${'/* padding */ '.repeat(20)}`;
    const name = statementName({ sql: select });
    expect(name).toMatch(/^billing_\d+$/);
    expect(statementName({ sql: `${select}` })).toBe(name);
    expect(statementName({ sql: 'SELECT 1' })).not.toBe(name);
  });

  it('a text that shares its length and both ends with a named one goes unnamed, never under the other name', () => {
    const middle = (word: string) => `SELECT ${'x, '.repeat(30)}${word} ${'y, '.repeat(30)}z FROM t`;
    const first = statementName({ sql: middle('aaaa') });
    expect(first).not.toBe('');
    expect(statementName({ sql: middle('bbbb') })).toBe('');
    expect(statementName({ sql: middle('aaaa') })).toBe(first);
  });
});
