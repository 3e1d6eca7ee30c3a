/**
 * Draws the add-in's icons into assets/ (run: npx tsx scripts/make-icons.ts).
 *
 * - icon-16/32/64/80/128.png and logo-filled.png: three ranked bars on a navy tile, the top
 *   (first-ranked) bar in amber. Used by the manifest (IconUrl 32, HighResolutionIconUrl 64, ribbon
 *   group and «Prioritering» button 16/32/80) and free for the task pane header (logo).
 * - recalc-16/32/80.png: a clockwise arrow on the same tile, for the «Beregn på nytt» button.
 *
 * Shapes are laid out on whole pixels for each size (crisp bars at 16 px) and rendered with 16×16
 * supersampling for smooth corners and arcs. Deterministic: same code, same bytes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encodePng } from "./png";

type RGB = readonly [number, number, number];
type Inside = (x: number, y: number) => boolean;
interface Shape {
  inside: Inside;
  color: RGB;
}

const NAVY: RGB = [0x17, 0x4a, 0x7c];
const WHITE: RGB = [0xff, 0xff, 0xff];
const AMBER: RGB = [0xf4, 0xb9, 0x42];

const SUPERSAMPLE = 16;

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Inside {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

/** Part of a ring: centre, mid radius, thickness, from angle a0 clockwise over `span` (radians, y down). */
function arc(
  cx: number,
  cy: number,
  radius: number,
  thickness: number,
  a0: number,
  span: number
): Inside {
  return (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    if (Math.abs(d - radius) > thickness / 2) return false;
    let a = Math.atan2(y - cy, x - cx) - a0;
    a = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    return a <= span;
  };
}

function triangle(p: [number, number], q: [number, number], r: [number, number]): Inside {
  const side = (a: [number, number], b: [number, number], x: number, y: number) =>
    (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  return (x, y) => {
    const s1 = side(p, q, x, y);
    const s2 = side(q, r, x, y);
    const s3 = side(r, p, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

function tile(size: number): Shape {
  return { inside: roundRect(0, 0, size, size, Math.max(2, size * 0.19)), color: NAVY };
}

/** Three left-aligned bars, longest first: a ranking. */
function rankedBars(size: number): Shape[] {
  const left = Math.round(size * 0.22);
  const width = size - 2 * left;
  const height = Math.max(2, Math.round(size * 0.14));
  const gap = Math.max(1, Math.round(size * 0.1));
  const top = Math.round((size - (3 * height + 2 * gap)) / 2);
  const radius = size >= 64 ? height * 0.3 : 0;
  const lengths = [1, 0.74, 0.48];
  return lengths.map((share, i) => {
    const y0 = top + i * (height + gap);
    const x1 = left + Math.max(2, Math.round(width * share));
    return { inside: roundRect(left, y0, x1, y0 + height, radius), color: i === 0 ? AMBER : WHITE };
  });
}

/** A clockwise circular arrow with its head at the top. */
function recalcArrow(size: number): Shape[] {
  const c = size / 2;
  const thickness = Math.max(2, size * 0.12);
  const radius = size * (size <= 16 ? 0.28 : 0.26);
  const deg = Math.PI / 180;
  const start = -40 * deg;
  const span = 285 * deg;
  const end = start + span;
  // The head sits where the arc ends and points along the clockwise tangent.
  const ex = c + radius * Math.cos(end);
  const ey = c + radius * Math.sin(end);
  const tx = -Math.sin(end);
  const ty = Math.cos(end);
  const nx = Math.cos(end);
  const ny = Math.sin(end);
  // At 16 px a proportional head is a blur; give it more weight there.
  const half = thickness * (size <= 16 ? 1.5 : 1.25);
  const length = thickness * (size <= 16 ? 1.9 : 1.6);
  const head = triangle(
    [ex + nx * half, ey + ny * half],
    [ex - nx * half, ey - ny * half],
    [ex + tx * length, ey + ty * length]
  );
  return [
    { inside: arc(c, c, radius, thickness, start, span), color: WHITE },
    { inside: head, color: WHITE },
  ];
}

/** Renders shapes (painted in order) into straight RGBA with supersampled coverage. */
function render(size: number, shapes: Shape[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          let hit: RGB | undefined;
          for (const s of shapes) if (s.inside(x, y)) hit = s.color;
          if (hit) {
            r += hit[0];
            g += hit[1];
            b += hit[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return out;
}

export function drawIcon(size: number): Uint8Array {
  return render(size, [tile(size), ...rankedBars(size)]);
}

export function drawRecalcIcon(size: number): Uint8Array {
  return render(size, [tile(size), ...recalcArrow(size)]);
}

export const ICONS: { file: string; size: number; draw: (size: number) => Uint8Array }[] = [
  ...[16, 32, 64, 80, 128].map((size) => ({ file: `icon-${size}.png`, size, draw: drawIcon })),
  { file: "logo-filled.png", size: 256, draw: drawIcon },
  ...[16, 32, 80].map((size) => ({ file: `recalc-${size}.png`, size, draw: drawRecalcIcon })),
];

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICONS.map(({ file, size, draw }) => {
    const target = path.join(dir, file);
    writeFileSync(target, encodePng(size, size, draw(size)));
    return target;
  });
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "..", "assets");
  for (const file of writeIcons(dir)) console.log(path.relative(process.cwd(), file));
}
