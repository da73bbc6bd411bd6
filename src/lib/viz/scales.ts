/**
 * Tick helpers: d3 computes the values, the components draw them as Svelte markup. Positions are
 * in SVG user units (pixels) of the given scale's range.
 */
import { utcFormat, type ScaleLinear, type ScaleLogarithmic, type ScaleTime } from 'd3';

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
