/**
 * The world's seeded random source: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, from
 * PractRand) seeded through splitmix32. Same seed, same sequence, in Node and in every browser.
 * Contracts never see it; scenarios and bots use it through world.random().
 */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		let s = seed | 0;
		const next = () => {
			s = (s + 0x9e3779b9) | 0;
			let z = s;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			return (z ^ (z >>> 16)) >>> 0;
		};
		this.a = next();
		this.b = next();
		this.c = next();
		this.d = next();
		for (let i = 0; i < 12; i++) this.uint32();
	}

	/** Next 32-bit unsigned integer. */
	uint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1), 53 bits. */
	next(): number {
		return (this.uint32() * 2 ** 21 + (this.uint32() >>> 11)) / 2 ** 53;
	}

	/** Uniform integer in [min, max] (inclusive); throws a RangeError when max < min. */
	int(min: number, max: number): number {
		if (!Number.isInteger(min) || !Number.isInteger(max) || max < min)
			throw new RangeError(`randomInt(${min}, ${max}): need integers with min <= max`);
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** Uniform bigint in [0, max) by rejection sampling; throws a RangeError when max <= 0. */
	bigint(max: bigint): bigint {
		if (max <= 0n) throw new RangeError(`randomBigInt(${max}): max must be positive`);
		const bits = max.toString(2).length;
		for (;;) {
			let value = 0n;
			for (let got = 0; got < bits; got += 32) value = (value << 32n) | BigInt(this.uint32());
			value &= (1n << BigInt(bits)) - 1n;
			if (value < max) return value;
		}
	}

	/** The generator's state, for snapshots. */
	save(): [number, number, number, number] {
		return [this.a, this.b, this.c, this.d];
	}

	/** Restores a state from save(). */
	load(state: readonly [number, number, number, number]): void {
		[this.a, this.b, this.c, this.d] = state;
	}
}
