import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One PDF page as RGB pixels (from pdftoppm's PPM), and where the PNG of it was saved for a person to look at. */
export interface TRaster {
  width: number;
  height: number;
  rgb: Buffer;
  png: string;
}

/** A box in fractions of the page: [left, top, right, bottom]. */
export type TRegion = [number, number, number, number];

/**
 * Rasterizes page 1 with Debian's pdftoppm (scripts/ensure-poppler.sh installs it). At a low
 * resolution on purpose: the checks read where ink is, not how a glyph is hinted.
 */
export function rasterizeFirstPage(pdfPath: string, dpi = 100): TRaster {
  const pdftoppm = execFileSync('bash', ['scripts/ensure-poppler.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const base = pdfPath.replace(/\.pdf$/, '');
  execFileSync(pdftoppm, ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdfPath, base]);
  execFileSync(pdftoppm, ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, base]);
  return { ...parsePpm(readFileSync(`${base}.ppm`)), png: `${base}.png` };
}

function parsePpm(file: Buffer): { width: number; height: number; rgb: Buffer } {
  // P6 <width> <height> <maxval>\n then width × height × 3 bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('pdftoppm did not write an 8-bit P6 PPM');
  const [, width, height] = header.map(Number) as [number, number, number];
  return { width, height, rgb: file.subarray(header[0].length) };
}

function pixels(raster: TRaster, [left, top, right, bottom]: TRegion, test: (r: number, g: number, b: number) => boolean): number {
  const x0 = Math.floor(left * raster.width), x1 = Math.ceil(right * raster.width);
  const y0 = Math.floor(top * raster.height), y1 = Math.ceil(bottom * raster.height);
  let hits = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const at = (y * raster.width + x) * 3;
      if (test(raster.rgb[at]!, raster.rgb[at + 1]!, raster.rgb[at + 2]!)) hits++;
    }
  }
  return hits / Math.max(1, (x1 - x0) * (y1 - y0));
}

/** The share of a region's pixels that carry ink (clearly darker than the paper). */
export const inkShare = (raster: TRaster, region: TRegion) => pixels(raster, region, (r, g, b) => r + g + b < 600);

/** The share of a region's pixels that are reddish (the VOID watermark, drawn in translucent red). */
export const redShare = (raster: TRaster, region: TRegion) => pixels(raster, region, (r, g, b) => r - g > 15 && r - b > 15);

/** Rows (as fractions of the height) where ink runs across most of the content width: the document's rules. */
export function horizontalRules(raster: TRaster, [left, right]: [number, number] = [0.07, 0.93]): number[] {
  const rows: number[] = [];
  for (let y = 0; y < raster.height; y++) {
    if (pixels(raster, [left, y / raster.height, right, (y + 1) / raster.height], (r, g, b) => r + g + b < 680 && r - g < 15) > 0.9) rows.push(y / raster.height);
  }
  // Adjacent rows are one rule.
  return rows.filter((row, index) => index === 0 || row - rows[index - 1]! > 1.5 / raster.height);
}
