/**
 * `npm run diagrams`: writes the structure diagrams (SVG, from the reference's own values) that the
 * spec pages embed, into docs/diagrams/. A test regenerates them and compares bytes.
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { DIAGRAMS, DIAGRAM_DIR } from "../harness/diagrams.js";

mkdirSync(DIAGRAM_DIR, { recursive: true });
for (const [name, draw] of Object.entries(DIAGRAMS)) {
  const svg = draw();
  writeFileSync(`${DIAGRAM_DIR}/${name}.svg`, svg);
  process.stdout.write(`wrote ${DIAGRAM_DIR}/${name}.svg (${svg.length} bytes)\n`);
}
