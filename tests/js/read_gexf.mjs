// Read a GEXF file with graphology-gexf (the parser of sigma.js and Gephi Lite) and print
// what it read as JSON. graphology-gexf leaves out <spells>, so they are read from the same
// XML with its own DOM parser (@xmldom/xmldom) and keyed by edge id.
import { readFileSync } from "node:fs";
import Graph from "graphology";
import gexf from "graphology-gexf";
import { DOMParser } from "@xmldom/xmldom";

const text = readFileSync(process.argv[2], "utf8");
const graph = gexf.parse(Graph, text);
const spells = {};
const doc = new DOMParser().parseFromString(text, "application/xml");
for (const edge of Array.from(doc.getElementsByTagName("edge"))) {
  spells[edge.getAttribute("id")] = Array.from(edge.getElementsByTagName("spell"))
    .map((s) => [s.getAttribute("start"), s.getAttribute("end")]);
}
console.log(JSON.stringify({
  type: graph.type,
  multi: graph.multi,
  order: graph.order,
  size: graph.size,
  nodes: graph.mapNodes((key, attributes) => [key, attributes]),
  edges: graph.mapEdges((key, attributes, source, target) =>
    [key, source, target, attributes, spells[key] || []]),
}));
