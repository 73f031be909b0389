/**
 * Every structure diagram of the spec pages, name → drawing function (each component's own
 * `diagrams.ts`). `npm run diagrams` writes them to {@link DIAGRAM_DIR}; the spec pages embed them.
 * @module
 */
import { narwhalDiagram } from "../consensus/diagrams.js";
import { nmtDiagram, squareDiagram } from "../da/diagrams.js";

export const DIAGRAM_DIR = "docs/diagrams";

export const DIAGRAMS: Record<string, () => string> = {
  "da-nmt": nmtDiagram,
  "da-square": squareDiagram,
  "consensus-narwhal": narwhalDiagram,
};
