/**
 * Draws the app icons Teams requires (color 192x192 full-bleed, outline 32x32 white on transparent)
 * and the Outlook add-in's icons (16, 32, 64, 80, 128), and writes them to manifest/icons/ and addin/assets/. Run once: `npx tsx scripts/generate-icons.ts`; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type RgbaImage } from './png-writer';

/** The sizes the Outlook manifest references. */
export const ADDIN_ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x1f, 0x5f, 0xa8, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** True inside a "ticket": a rounded rectangle with a half-circle notch on each side. */
function insideTicket(x: number, y: number, size: number): boolean {
  const left = size * 0.16,
    right = size * 0.84,
    top = size * 0.3,
    bottom = size * 0.7;
  if (x < left || x > right || y < top || y > bottom) return false;
  const notch = size * 0.08,
    midY = size * 0.5;
  if (Math.hypot(x - left, y - midY) < notch || Math.hypot(x - right, y - midY) < notch) return false;
  const r = size * 0.04;
  const cx = Math.min(Math.max(x, left + r), right - r),
    cy = Math.min(Math.max(y, top + r), bottom - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** True on a check mark drawn inside the ticket. */
function onCheck(x: number, y: number, size: number): boolean {
  const w = size * 0.045;
  const a = [size * 0.38, size * 0.5],
    b = [size * 0.47, size * 0.59],
    c = [size * 0.64, size * 0.41];
  return distanceToSegment(x, y, a, b) < w || distanceToSegment(x, y, b, c) < w;
}

function distanceToSegment(x: number, y: number, [ax, ay]: number[], [bx, by]: number[]): number {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function draw(size: number, paint: (x: number, y: number) => Rgba): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) pixels.set(paint(x + 0.5, y + 0.5), (y * size + x) * 4);
  }
  return { width: size, height: size, pixels };
}

export function colorIcon(size: number): RgbaImage {
  return draw(size, (x, y) => (insideTicket(x, y, size) ? (onCheck(x, y, size) ? BLUE : WHITE) : BLUE));
}

/** White outline of the ticket on a transparent background (Teams' rule for outline icons). */
export function outlineIcon(): RgbaImage {
  const size = 32;
  const stroke = 1.6;
  return draw(size, (x, y) => {
    const inside = insideTicket(x, y, size);
    if (!inside) return CLEAR;
    const border = [
      [-stroke, 0],
      [stroke, 0],
      [0, -stroke],
      [0, stroke],
    ].some(([dx, dy]) => !insideTicket(x + dx, y + dy, size));
    return border ? WHITE : CLEAR;
  });
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'manifest', 'icons');
  writeFileSync(join(dir, 'color.png'), encodePng(colorIcon(192)));
  writeFileSync(join(dir, 'outline.png'), encodePng(outlineIcon()));
  const addinAssets = join(__dirname, '..', 'addin', 'assets');
  mkdirSync(addinAssets, { recursive: true });
  for (const size of ADDIN_ICON_SIZES) writeFileSync(join(addinAssets, `icon-${size}.png`), encodePng(colorIcon(size)));
  console.log(`icons written to ${dir} and ${addinAssets}`);
}
