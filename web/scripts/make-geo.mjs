// make-geo.mjs — cuts the Natural Earth 1:50m coastlines and borders (npm
// package world-atlas) down to Northeast Asia and writes src/geo.json, which
// Vite inlines into app.js. Cutting at build time keeps the page (and the
// program that embeds it) small: the whole-world file is 750 kB, the cut
// ~100 kB. Coordinates stay longitude/latitude; the page projects them.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { feature, mesh } from "topojson-client";
import { geoIdentity, geoPath } from "d3-geo";

const here = dirname(fileURLToPath(import.meta.url));
const atlasPath = join(here, "..", "node_modules", "world-atlas", "countries-50m.json");
const out = join(here, "..", "src", "generated", "geo.json");
mkdirSync(dirname(out), { recursive: true });

// A little wider than the map's frame (lon 100–160, lat 30–60) so that the
// frame never shows a cut edge.
const BOX = [[88, 18], [178, 68]];
const ROUND = 100; // 0.01 degree, about 1 km: finer than a pixel at 1400 px

const world = JSON.parse(readFileSync(atlasPath, "utf8"));

// Streams a geometry through a planar rectangle clip and collects the rings
// or lines it leaves, rounded and without repeated points.
function clip(geometry) {
  const parts = [];
  let cur = null;
  const push = (x, y) => {
    const p = [Math.round(x * ROUND) / ROUND, Math.round(y * ROUND) / ROUND];
    const last = cur[cur.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) cur.push(p);
  };
  const ctx = {
    moveTo(x, y) { cur = []; parts.push(cur); push(x, y); },
    lineTo(x, y) { push(x, y); },
    closePath() { if (cur && cur.length) cur.push(cur[0].slice()); },
    arc() {},
  };
  geoPath(geoIdentity().clipExtent(BOX), ctx)(geometry);
  return parts.filter((p) => p.length >= 2);
}

const countries = world.objects.countries;
// Polygons of every country that reaches into the box (land fill).
const land = [];
for (const f of feature(world, countries).features) {
  const rings = clip(f.geometry).filter((r) => r.length >= 4);
  if (rings.length) land.push({ name: f.properties.name, rings });
}
// Coastlines: arcs used by one country only; borders: arcs shared by two.
const coast = clip(mesh(world, countries, (a, b) => a === b));
const borders = clip(mesh(world, countries, (a, b) => a !== b));

// Manchuria (Manchukuo from 1932, Rehe included from 1933) has no outline of
// its own in the atlas. It is approximated as present-day China cut by a
// convex polygon: everything north-east of a line from the Mongolian border
// near lon 115.6 to the Liaodong coast (close to the Great Wall, which
// formed Manchukuo's southern border), down to the tip of Liaodong.
const MANCHURIA_CUT = [[115.6, 41.6], [121.3, 38.5], [126.5, 38.5], [136, 43], [136, 54.5], [115.6, 54.5]];
function clipConvex(ring, poly) {
  // Sutherland–Hodgman: clip a (possibly concave) ring by a convex, counter-clockwise polygon.
  let out = ring;
  for (let i = 0; i < poly.length && out.length; i++) {
    const a = poly[i], b = poly[(i + 1) % poly.length];
    const inside = (p) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    const cross = (p, q) => {
      const d = (q[0] - p[0]) * (b[1] - a[1]) - (q[1] - p[1]) * (b[0] - a[0]);
      const t = ((a[0] - p[0]) * (b[1] - a[1]) - (a[1] - p[1]) * (b[0] - a[0])) / d;
      return [Math.round((p[0] + t * (q[0] - p[0])) * ROUND) / ROUND, Math.round((p[1] + t * (q[1] - p[1])) * ROUND) / ROUND];
    };
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j], q = input[(j + 1) % input.length];
      if (inside(q)) { if (!inside(p)) out.push(cross(p, q)); out.push(q); } else if (inside(p)) out.push(cross(p, q));
    }
  }
  return out;
}
const china = land.find((c) => c.name === "China");
const manchuria = china ? china.rings.map((r) => clipConvex(r.slice(0, -1), MANCHURIA_CUT)).filter((r) => r.length >= 3).map((r) => [...r, r[0]]) : [];

const doc = {
  source: "Natural Earth 1:50m via the world-atlas npm package (public domain); cut to lon 88-178, lat 18-68",
  land, coast, borders, manchuria,
};
writeFileSync(out, JSON.stringify(doc));
const pts = (a) => a.reduce((n, r) => n + r.length, 0);
console.log(`geo.json: ${land.length} countries, Manchuria ${manchuria.length} ring(s), ${coast.length} coast lines (${pts(coast)} points), ` +
  `${borders.length} border lines (${pts(borders)} points)`);
