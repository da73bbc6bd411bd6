/**
 * A deterministic force layout for the colouring view: d3-force's simulation run to rest
 * synchronously (its initial placement is a fixed phyllotaxis, so the same graph always lands the
 * same way), then scaled into the box.
 */
import {
	forceCenter,
	forceLink,
	forceManyBody,
	forceSimulation,
	type SimulationNodeDatum
} from 'd3';

/** A point in the box, pixels. */
export type Point = { x: number; y: number };

/**
 * Positions of `vertices` nodes joined by `edges`, inside width x height with `pad` pixels of
 * margin. Throws a RangeError for an edge naming a missing vertex.
 */
export function layoutGraph(
	vertices: number,
	edges: readonly [number, number][],
	width: number,
	height: number,
	pad = 18
): Point[] {
	for (const [a, b] of edges) {
		if (a < 0 || b < 0 || a >= vertices || b >= vertices)
			throw new RangeError(`edge ${a}-${b} names a vertex outside 0..${vertices - 1}`);
	}
	const nodes: SimulationNodeDatum[] = Array.from({ length: vertices }, (_, i) => ({ index: i }));
	const links = edges.map(([source, target]) => ({ source, target }));
	const sim = forceSimulation(nodes)
		.force('link', forceLink(links).distance(40))
		.force('charge', forceManyBody().strength(-120))
		.force('center', forceCenter(0, 0))
		.stop();
	for (let i = 0; i < 300; i++) sim.tick();
	const xs = nodes.map((n) => n.x ?? 0);
	const ys = nodes.map((n) => n.y ?? 0);
	const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const k = Math.min((width - 2 * pad) / (x1 - x0 || 1), (height - 2 * pad) / (y1 - y0 || 1));
	const cx = (width - k * (x1 - x0)) / 2;
	const cy = (height - k * (y1 - y0)) / 2;
	return nodes.map((n) => ({ x: cx + k * ((n.x ?? 0) - x0), y: cy + k * ((n.y ?? 0) - y0) }));
}
