/**
 * `npm run model:charts`: writes the model's SVG charts to docs/model/ from the committed bench JSON
 * (conformance/model/charts.ts).
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHART_BENCH, CHART_DIR, renderCharts } from "./charts.js";

mkdirSync(CHART_DIR, { recursive: true });
for (const [name, svg] of Object.entries(renderCharts(JSON.parse(readFileSync(CHART_BENCH, "utf8"))))) {
  writeFileSync(join(CHART_DIR, name), svg);
  process.stdout.write(`wrote ${join(CHART_DIR, name)} (${svg.length} bytes)\n`);
}
