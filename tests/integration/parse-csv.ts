/**
 * A strict RFC 4180 reader for asserting on CSV responses: records end in CRLF, quoted fields may
 * hold commas, quotes ("") and line breaks. Throws on anything a conforming writer would not emit.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (char === '\r' || char === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else field += char;
  }
  if (quoted || field !== '' || record.length) throw new Error('the last record is not terminated by CRLF');
  return records;
}

/** Records as objects keyed by the header row. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...records] = parseCsv(text);
  for (const record of records) if (record.length !== header.length) throw new Error(`a record has ${record.length} fields, the header ${header.length}`);
  return { header, rows: records.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index]!]))) };
}
