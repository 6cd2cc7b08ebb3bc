import { describe, expect, it } from 'vitest';
import { TaggedBodies } from './tagged-bodies';

describe('TaggedBodies', () => {
  it('gives back the body kept under a tag, never another tag\'s, and drops the oldest past its capacity', () => {
    const bodies = new TaggedBodies(2);
    expect(bodies.get('"a"')).toBeUndefined();
    bodies.keep('"a"', '[1]');
    bodies.keep('"a"', '[changed]');
    expect(bodies.get('"a"')).toBe('[1]');
    bodies.keep('"b"', '[2]');
    bodies.keep('"c"', '[3]');
    expect(bodies.size).toBe(2);
    expect(bodies.get('"a"')).toBeUndefined();
    expect([bodies.get('"b"'), bodies.get('"c"')]).toEqual(['[2]', '[3]']);
  });
});
