/**
 * A world: a seed, one or more chains, a seeded random source and one QuickJS sandbox shared by
 * all of its contracts. Snapshots are O(number of chains): each chain's state is a persistent map
 * (see state.ts), so a snapshot keeps references, never copies.
 */
import { Chain, type ChainSnapshot, type WorldCore } from './chain.ts';
import type { Run } from './exec.ts';
import { keccak256 } from './hash.ts';
import { Random } from './random.ts';
import { type HostBridge, Sandbox } from './sandbox/sandbox.ts';
import type { WorldOptions } from './types.ts';

type WorldSnapshot = {
	chains: Map<number, ChainSnapshot>;
	random: [number, number, number, number];
};
type Core = WorldCore & { made: Sandbox | null };

/**
 * Frees a world's QuickJS runtime once the world and all its chains are garbage: the wasm heap is
 * invisible to the JavaScript collector, so a forgotten world would otherwise hold its contexts
 * forever. world.dispose() does the same at once.
 */
const lifetimes = new FinalizationRegistry<{ core: Core; left: number }>((lease) => {
	if (--lease.left > 0) return;
	lease.core.made?.dispose();
	lease.core.made = null;
});

/** A world of chains sharing one seed, one random source and one sandbox. Make it with createWorld(). */
export class World {
	/** the seed given to createWorld */
	readonly seed: number;
	private readonly chainsById = new Map<number, Chain>();
	private readonly rng: Random;
	private readonly snapshots = new Map<number, WorldSnapshot>();
	private nextSnapshot = 1;
	private readonly core: Core;

	constructor(options: WorldOptions) {
		if (options === null || typeof options !== 'object' || !Number.isFinite(options.seed))
			throw new TypeError('createWorld({ seed }): seed must be a number');
		this.seed = options.seed;
		this.rng = new Random(options.seed);
		const { memoryLimit, stackLimit } = options;
		const core: Core = {
			active: null as Run | null,
			names: new Map<string, string>(),
			seed: options.seed,
			made: null,
			sandbox(): Sandbox {
				if (core.made === null)
					core.made = new Sandbox(
						bridgeTo(() => core.active),
						{ memoryLimit, stackLimit }
					);
				return core.made;
			},
			existingSandbox: () => core.made
		};
		this.core = core;
		for (const config of options.chains ?? [{ id: 1, blockTime: 12 }]) {
			if (this.chainsById.has(config.id))
				throw new RangeError(`createWorld: chain id ${config.id} appears twice`);
			this.chainsById.set(config.id, new Chain(config, core));
		}
		if (this.chainsById.size === 0) throw new RangeError('createWorld: give at least one chain');
		const lease = { core, left: 1 + this.chainsById.size };
		lifetimes.register(this, lease);
		for (const chain of this.chainsById.values()) lifetimes.register(chain, lease);
	}

	/** Chain `id`, or the first chain. Throws a RangeError for an unknown id. */
	chain(id?: number): Chain {
		const chain =
			id === undefined ? this.chainsById.values().next().value : this.chainsById.get(id);
		if (chain === undefined)
			throw new RangeError(
				`this world has no chain ${id} (chains: ${[...this.chainsById.keys()].join(', ')})`
			);
		return chain;
	}

	/** All chains, in the order given. */
	get chains(): Chain[] {
		return [...this.chainsById.values()];
	}

	/** Takes a snapshot (O(chains)); returns its id for restore(). */
	snapshot(): number {
		const id = this.nextSnapshot++;
		const chains = new Map<number, ChainSnapshot>();
		for (const [key, chain] of this.chainsById) chains.set(key, chain.capture());
		this.snapshots.set(id, { chains, random: this.rng.save() });
		return id;
	}

	/**
	 * Returns every chain (state, blocks, mempool) and the random source to snapshot `id`. Other
	 * snapshots stay valid, later ones included. Throws a RangeError for an unknown id.
	 */
	restore(id: number): void {
		const snap = this.snapshots.get(id);
		if (snap === undefined) throw new RangeError(`no snapshot ${id}`);
		for (const [key, chain] of this.chainsById) {
			const s = snap.chains.get(key);
			if (s !== undefined) chain.restoreFrom(s);
		}
		this.rng.load(snap.random);
	}

	/** Forgets a snapshot (its memory can be reclaimed). */
	dropSnapshot(id: number): void {
		this.snapshots.delete(id);
	}

	/**
	 * keccak-256 over every chain's id and state digest: accounts, balances, nonces, code and
	 * storage. Block numbers and times are not state, so mining empty blocks leaves it unchanged.
	 */
	stateHash(): string {
		return keccak256('chainlab:world:' + this.chains.map((c) => `${c.id}=${c.digest()}`).join(','));
	}

	/** Seeded random number in [0, 1). */
	random(): number {
		return this.rng.next();
	}

	/** Seeded random integer in [min, max]. */
	randomInt(min: number, max: number): number {
		return this.rng.int(min, max);
	}

	/** Seeded random bigint in [0, max). */
	randomBigInt(max: bigint): bigint {
		return this.rng.bigint(max);
	}

	/** Times the sandbox was rebuilt after a fault (memory, host stack). */
	get sandboxRebuilds(): number {
		return this.core.made?.rebuilds ?? 0;
	}

	/**
	 * Frees the world's QuickJS runtime now. Call it when a world is done (a session reload, a
	 * test); otherwise it is freed when the world and its chains are garbage collected. Using the
	 * world afterwards starts a fresh runtime and reloads contracts from their stored code.
	 */
	dispose(): void {
		this.core.made?.dispose();
		this.core.made = null;
	}
}

/** The sandbox's callbacks, served by whatever transaction is running. */
function bridgeTo(active: () => Run | null): HostBridge {
	const run = (): Run => {
		const r = active();
		if (r === null)
			throw new Error('contract state is only available during a transaction or view');
		return r;
	};
	return {
		load: (slot) => run().load(slot),
		store: (slot, value) => run().store(slot, value),
		erase: (slot) => run().erase(slot),
		log: (event, args) => run().log(event, args),
		call: (to, method, args, value) => run().callFromContract(to, method, args, value),
		send: (to, value) => run().send(to, value),
		balance: (address) => run().balance(address),
		hash: (data) => run().hash(data),
		crypto: (op, payload) => run().crypto(op, payload)
	};
}

/**
 * Creates a world. `seed` drives world.random(); `chains` defaults to one chain, id 1, 12-second
 * blocks. Throws a TypeError/RangeError for bad options.
 */
export function createWorld(options: WorldOptions): World {
	return new World(options);
}
