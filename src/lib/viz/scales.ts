/**
 * Tick helpers: d3 computes the values, the components draw them as Svelte markup. Positions are
 * in SVG user units (pixels) of the given scale's range.
 */
import {
	extent,
	scaleLinear,
	scaleUtc,
	utcFormat,
	type ScaleLinear,
	type ScaleLogarithmic,
	type ScaleTime
} from 'd3';

/** A tick ready to draw: its position along the axis and its label. */
export type Tick = { pos: number; label: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formats = {
	second: utcFormat('%H:%M:%S'),
	minute: utcFormat('%H:%M'),
	hour: utcFormat('%b %-d %H:%M'),
	day: utcFormat('%b %-d'),
	month: utcFormat('%b %Y')
};

/**
 * About `count` time ticks for a UTC time scale (domain in ms), labelled by the span shown:
 * seconds within ten minutes (blocks are seconds apart), hours and minutes within a day,
 * "Mar 12" within a few months, "Mar 2020" beyond.
 */
export function timeTicks(scale: ScaleTime<number, number>, count: number): Tick[] {
	const [a, b] = scale.domain().map((d) => d.getTime());
	const span = Math.abs(b - a);
	const fmt =
		span <= 10 * 60_000
			? formats.second
			: span <= DAY
				? formats.minute
				: span <= 4 * DAY
					? formats.hour
					: span <= 180 * DAY
						? formats.day
						: formats.month;
	return scale.ticks(Math.max(2, count)).map((d) => ({ pos: scale(d), label: fmt(d) }));
}

/** About `count` ticks of a linear or log scale, labelled with `format`. */
export function valueTicks(
	scale: ScaleLinear<number, number> | ScaleLogarithmic<number, number>,
	count: number,
	format: (v: number) => string
): Tick[] {
	return scale.ticks(Math.max(2, count)).map((v) => ({ pos: scale(v), label: format(v) }));
}

/** Ticks at given values (for hand-picked log ticks). */
export function ticksAt(
	scale: (v: number) => number,
	values: number[],
	format: (v: number) => string
): Tick[] {
	return values.map((v) => ({ pos: scale(v), label: format(v) }));
}

/**
 * About `count` ticks of a count scale (borrowers, rounds), whole numbers only: a y-axis of 0 to 3
 * borrowers reads 0, 1, 2, 3, never 0.5.
 */
export function integerTicks(
	scale: ScaleLinear<number, number>,
	count: number,
	format: (v: number) => string
): Tick[] {
	const [lo, hi] = scale.domain();
	const n = Math.max(1, Math.min(count, Math.floor(hi - lo)));
	return scale
		.ticks(n)
		.filter((v) => Number.isInteger(v))
		.map((v) => ({ pos: scale(v), label: format(v) }));
}

/** Runs shorter than this (seconds of chain time) get a step axis instead of a clock. */
export const STEP_AXIS_BELOW_S = 3 * 3600;

/** A point of a run's timeline: its step (0-based) and chain time (unix seconds). */
export type RunPoint = { step: number; time: number };

/** The x axis of a chart over a run: where a point goes, its ticks and what the axis counts. */
export type RunAxis = {
	kind: 'step' | 'time';
	/** x position of a point (pixels) */
	pos(p: RunPoint): number;
	ticks(count: number): Tick[];
};

/**
 * The x axis for `points` over `[0, width]`. A run whose blocks are seconds apart (under
 * STEP_AXIS_BELOW_S in all) counts steps, labelled 1-based like the timeline ("Step 3"); a
 * longer one (the replay's month of hours) shows UTC clock time through `timeTicks`.
 */
export function runAxis(points: readonly RunPoint[], width: number): RunAxis {
	const [t0 = 0, t1 = 1] = extent(points, (p) => p.time);
	if (t1 - t0 >= STEP_AXIS_BELOW_S) {
		const x = scaleUtc()
			.domain([t0 * 1000, t1 * 1000])
			.range([0, width]);
		return {
			kind: 'time',
			pos: (p) => x(p.time * 1000),
			ticks: (count) => timeTicks(x, count)
		};
	}
	const [s0 = 0, s1 = 1] = extent(points, (p) => p.step);
	const x = scaleLinear()
		.domain([s0, Math.max(s1, s0 + 1)])
		.range([0, width]);
	return {
		kind: 'step',
		pos: (p) => x(p.step),
		ticks: (count) => integerTicks(x, count, (v) => `Step ${v + 1}`)
	};
}
