// shared fixtures for the scenario runtime tests: a tiny counter contract and a walker that
// proves data is plain (no bigint, nothing structuredClone would reject)

export const COUNTER = `import { Contract, StorageValue, StorageMap, msg, require, emit } from 'chainlab';

export default class Counter extends Contract {
	count = new StorageValue<bigint>('count', 0n);
	byUser = new StorageMap<string, bigint>('byUser');

	add(amount: bigint) {
		require(amount > 0n, 'amount must be positive');
		this.count.set(this.count.get() + amount);
		this.byUser.set(msg.sender, (this.byUser.get(msg.sender) ?? 0n) + amount);
		emit('Added', { user: msg.sender, amount });
	}

	spin() {
		let i = 0;
		while (true) {
			i++;
		}
	}

	get(): bigint {
		return this.count.get();
	}
}
`;

/** the 1-based line of the first occurrence of `needle` in `source` */
export function lineOf(source: string, needle: string): number {
	const index = source.indexOf(needle);
	if (index < 0) throw new Error(`"${needle}" not in source`);
	return source.slice(0, index).split('\n').length;
}

/** throws when a value holds a bigint, a function or a class instance anywhere */
export function assertPlain(value: unknown, path = 'value'): void {
	if (typeof value === 'bigint') throw new Error(`${path} is a bigint`);
	if (typeof value === 'function') throw new Error(`${path} is a function`);
	if (value === null || typeof value !== 'object') return;
	const proto = Object.getPrototypeOf(value);
	if (proto !== Object.prototype && proto !== Array.prototype)
		throw new Error(`${path} is a class instance`);
	for (const [key, inner] of Object.entries(value)) assertPlain(inner, `${path}.${key}`);
}
