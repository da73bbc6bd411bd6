/** The persistent state map, the value codec, units and the random source. */
import { describe, expect, test } from 'vitest';
import { decodeArgs, decodeValue, encodeArgs, encodeKey, encodeValue } from '#lib/sim/codec.ts';
import { formatUnits, parseUnits } from '#lib/sim/index.ts';
import { Random } from '#lib/sim/random.ts';
import { loopLine, scanLoops } from '#lib/sim/sandbox/loops.ts';
import { ChainState } from '#lib/sim/state.ts';

describe('persistent state', () => {
	test('matches a Map under random writes, deletes, marks and resets', () => {
		const state = new ChainState();
		const model = new Map<string, string>();
		const rng = new Random(1);
		const marks: {
			mark: ReturnType<ChainState['mark']>;
			model: Map<string, string>;
			digest: string;
		}[] = [];
		for (let i = 0; i < 50_000; i++) {
			const key = 'k' + rng.int(0, 3000);
			const op = rng.int(0, 99);
			if (op < 60) {
				const value = 'v' + rng.uint32();
				state.set(key, value);
				model.set(key, value);
			} else if (op < 90) {
				state.set(key, undefined);
				model.delete(key);
			} else if (op < 95) {
				marks.push({ mark: state.mark(), model: new Map(model), digest: state.digest() });
			} else if (marks.length > 0) {
				const m = marks[rng.int(0, marks.length - 1)];
				state.reset(m.mark);
				model.clear();
				for (const [k, v] of m.model) model.set(k, v);
				expect(state.digest()).toBe(m.digest);
			}
			if (i % 5000 === 0) {
				for (const [k, v] of model) expect(state.get(k)).toBe(v);
				expect(state.size).toBe(model.size);
			}
		}
		let count = 0;
		state.forEach((k, v) => {
			count++;
			expect(model.get(k)).toBe(v);
		});
		expect(count).toBe(model.size);
	});

	test('the digest depends on the entries, not the order of writes', () => {
		const a = new ChainState();
		const b = new ChainState();
		for (let i = 0; i < 200; i++) a.set('x' + i, BigInt(i));
		for (let i = 199; i >= 0; i--) b.set('x' + i, BigInt(i));
		b.set('temp', 'gone');
		b.set('temp', undefined);
		expect(a.digest()).toBe(b.digest());
		b.set('x0', 1n);
		expect(a.digest()).not.toBe(b.digest());
	});
});

describe('codec', () => {
	test('values round-trip, bigint and awkward strings included', () => {
		const values = [
			0n,
			-(2n ** 300n),
			1.25,
			NaN,
			Infinity,
			'plain',
			'',
			'\u0000start',
			'mid\u0000dle',
			true,
			false,
			null,
			[1n, 'a', [null]],
			{ a: { b: [2n] }, '\u0001k': 'x' }
		];
		for (const v of values) expect(decodeValue(encodeValue(v, 'test'))).toEqual(v);
		expect(encodeValue('mid\u0000dle', 'x')).not.toContain('\u0000');
		expect(decodeArgs(encodeArgs(['a\u0001b', 1n], 'x'))).toEqual(['a\u0001b', 1n]);
		expect(decodeArgs(encodeArgs(['0xabc', 5n, 3, true, null], 'x'))).toEqual([
			'0xabc',
			5n,
			3,
			true,
			null
		]);
		expect(encodeKey(1, 'k')).not.toBe(encodeKey(1n, 'k'));
	});

	test('bad values get clear errors', () => {
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(() => encodeValue(cyclic, 'the value')).toThrow(/the value is cyclic/);
		expect(() => encodeValue(new Map(), 'the value')).toThrow(
			/plain objects and arrays, not a Map/
		);
		expect(() => encodeValue([() => 1], 'the value')).toThrow(/cannot contain a function/);
		expect(() => encodeValue(new Array(20_000).fill(1), 'the value')).toThrow(/too large/);
		expect(() => encodeKey({}, 'map')).toThrow(/keys must be string, number or bigint/);
	});
});

describe('units and randomness', () => {
	test('formatUnits and parseUnits', () => {
		expect(formatUnits(1_500_000_000_000_000_000n)).toBe('1.5');
		expect(formatUnits(-5n, 2)).toBe('-0.05');
		expect(formatUnits(0n)).toBe('0');
		expect(parseUnits('1.5')).toBe(1_500_000_000_000_000_000n);
		expect(parseUnits('2', 6)).toBe(2_000_000n);
		expect(() => parseUnits('1.1234567', 6)).toThrow(/more than 6 decimals/);
	});

	test('the random source is seeded and uniform enough', () => {
		const a = new Random(42);
		const b = new Random(42);
		const xs = Array.from({ length: 1000 }, () => a.next());
		expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
		for (let i = 0; i < 100; i++) expect(a.bigint(1000n)).toBeLessThan(1000n);
		expect(new Random(43).next()).not.toBe(new Random(42).next());
	});
});

describe('loop map', () => {
	test('finds loops past strings, regexes, templates and do-while tails', () => {
		const js = [
			'class A {',
			'	spin() {',
			'		let i = 0;',
			'		while (true) {',
			'			i++;',
			'		}',
			'	}',
			'	m() {',
			'		const re = /\\{[}]/g; const s = `x ${ {a: 1}.a } }`; // while (fake) {',
			'		for (let k = 0; k < 3; k++) { if (k) { i--; } }',
			'		do { x(); } while (y);',
			'		while (z) z--;',
			'	}',
			'}'
		].join('\n');
		const map = scanLoops(js);
		expect(map.loops).toEqual([
			[4, 6],
			[10, 10],
			[11, 11],
			[12, 12]
		]);
		expect(loopLine(map, 2)).toBe(4); // stale line = method header: the loop after it
		expect(loopLine(map, 5)).toBe(4); // inside the loop body
		expect(loopLine(map, 8)).toBe(10);
		expect(loopLine(map, 13)).toBe(13);
	});
});
