import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, toCsv } from './csv';

describe('csvField (RFC 4180)', () => {
  it('leaves plain text as it is', () => {
    expect(csvField('Growth plan')).toBe('Growth plan');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['"', '""""'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes null and undefined as empty fields, booleans as true/false', () => {
    expect([csvField(null), csvField(undefined), csvField(true), csvField(false)]).toEqual(['', '', 'true', 'false']);
  });

  it('writes numbers as plain decimals in major units, never in exponent notation', () => {
    expect(csvField(299000)).toBe('299000');
    expect(csvField(49.99)).toBe('49.99');
    expect(csvField(0.01)).toBe('0.01');
    expect(csvField(1e21)).toBe('1000000000000000000000');
    expect(csvField(1e-7)).toBe('0.0000001');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('formula injection guard', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['-', "'-"],
    ['+62 812 0000', "'+62 812 0000"],
  ])('prefixes %j with a single quote', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('keeps plain negative numbers numeric, as numbers and as strings', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-5')).toBe('-5');
    expect(csvField(-1250.5)).toBe('-1250.5');
    expect(csvField('-1250.5')).toBe('-1250.5');
  });

  it('does not touch a formula character after the start', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('user@example.com')).toBe('user@example.com');
  });
});

describe('records', () => {
  it('join fields with commas and end with CRLF', () => {
    expect(csvRecord(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });

  it('a document is the header, then the rows', () => {
    expect(toCsv(['id', 'name'], [[1, 'x'], [2, 'y "z"']])).toBe('id,name\r\n1,x\r\n2,"y ""z"""\r\n');
  });

  it('an empty list is the header alone', () => {
    expect(toCsv(['id'], [])).toBe('id\r\n');
  });
});
