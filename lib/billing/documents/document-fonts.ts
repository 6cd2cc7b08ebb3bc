import { existsSync } from 'node:fs';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';

/**
 * The documents' typeface, embedded in every PDF (as a subset of the glyphs used): DejaVu Sans
 * from the `dejavu-fonts-ttf` package, which covers Latin with every Indonesian letter, the
 * rupiah's `Rp` and `–`, `·` and `—`. PDF's 14 standard fonts are not embedded and only know
 * WinAnsi, so a reader without them would substitute its own.
 *
 * Read from node_modules under the working directory (`npm start` and the tests run from the
 * project root): the font package is data, not code, so there is nothing to bundle or resolve.
 */
export const DOCUMENT_FONT = 'DejaVu Sans';

const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const REGULAR = path.join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = path.join(FONT_DIR, 'DejaVuSans-Bold.ttf');

let registered = false;

/** Registers the font with react-pdf once per process; a missing package is a clear error, not a PDF in a fallback font. */
export function registerDocumentFonts(): void {
  if (registered) return;
  for (const file of [REGULAR, BOLD]) {
    if (!existsSync(file)) throw new Error(`Invoice documents need ${file} (the dejavu-fonts-ttf package): run npm install.`);
  }
  Font.register({ family: DOCUMENT_FONT, fonts: [{ src: REGULAR }, { src: BOLD, fontWeight: 'bold' }] });
  // Amounts, numbers and Indonesian words are never split across lines with a hyphen.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
