import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of every page of a PDF, as PDF.js (Mozilla's reader) extracts it: each page's text
 * items joined by single spaces. Reading a document back through a real PDF parser proves what a reader
 * sees, not what we meant to write.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ').trim());
  }
  await document.destroy();
  return pages;
}

/** The fonts a PDF carries inside it: the FontName of every font descriptor with a font file (subset prefix removed). */
export function embeddedFontNames(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const names = new Set<string>();
  for (const [descriptor] of text.matchAll(/\/Type \/FontDescriptor[\s\S]*?>>/g)) {
    const name = /\/FontName \/(?:[A-Z]{6}\+)?([^\s/]+)/.exec(descriptor)?.[1];
    if (name && /\/FontFile[23]? \d+ \d+ R/.test(descriptor)) names.add(name);
  }
  return [...names].sort();
}
