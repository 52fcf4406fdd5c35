// Copies the dashboard's libraries from node_modules into static/vendor/, which `sitrep serve` serves:
// the browser loads nothing from the internet (no CDN, no tile server). Run `npm ci && npm run build` here.
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "static", "vendor");

// [package, file in the package, where it goes under static/vendor]
const files = [
  ["leaflet", "dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet", "dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet", "dist/images", "leaflet/images"],
  ["leaflet", "LICENSE", "leaflet/LICENSE"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"],
  ["topojson-client", "LICENSE", "topojson-client/LICENSE"],
  // Natural Earth 1:50m country outlines as TopoJSON (public domain data; the package is ISC).
  ["world-atlas", "countries-50m.json", "world-atlas/countries-50m.json"],
  ["world-atlas", "LICENSE", "world-atlas/LICENSE"],
  // Swagger UI for /docs (FastAPI's default page would load it from a CDN).
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui/swagger-ui.css"],
  ["swagger-ui-dist", "LICENSE", "swagger-ui/LICENSE"],
  ["swagger-ui-dist", "NOTICE", "swagger-ui/NOTICE"],
];

if (!existsSync(modules)) {
  console.error("sitrep/web: node_modules is missing: run `npm ci` first");
  process.exit(1);
}
rmSync(vendor, { recursive: true, force: true });
for (const [pkg, from, to] of files) {
  const source = join(modules, pkg, from);
  if (!existsSync(source)) {
    console.error(`sitrep/web: ${pkg} has no ${from} (package version changed?)`);
    process.exit(1);
  }
  const target = join(vendor, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });
}
console.log(`sitrep/web: ${files.length} library files copied into static/vendor/`);
