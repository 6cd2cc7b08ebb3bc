import { describe, expect, it } from 'vitest';
import { cleanJson, cleanText } from './clean-json';

describe('cleanText / cleanJson', () => {
  it('replaces NUL and lone surrogates, keeps pairs and everything else', () => {
    expect(cleanText('a\0b')).toBe('a\ufffdb');
    expect(cleanText('x\ud800')).toBe('x\ufffd');
    expect(cleanText('\udc00y')).toBe('\ufffdy');
    expect(cleanText('😀 Rp 1.000')).toBe('😀 Rp 1.000');
  });

  it('cleans keys and nested strings, leaves numbers, booleans and null', () => {
    expect(cleanJson({ '\ud800': ['\0', 1, true, null, { k: 'v\udfff' }] })).toEqual({ '\ufffd': ['\ufffd', 1, true, null, { k: 'v\ufffd' }] });
  });
});
