/**
 * A persistent hash map (a hash array mapped trie, Bagwell 2001) keyed by strings. Taking a
 * snapshot is O(1): `mark()` returns the current root and starts a new generation, after which
 * nodes of older generations are never mutated again, so every mark stays valid forever.
 * Writes copy only the path from the root to the changed leaf, and only once per generation:
 * nodes created in the current generation are edited in place (the "transient" trick of
 * Clojure and Immutable.js). This is what makes per-call-frame checkpoints and per-step world
 * snapshots cheap.
 *
 * The caller supplies each key's 32-bit hash (the state layer already hashes keys for its
 * digest), so the map itself never hashes.
 */

type Leaf<V> = { t: 0; g: number; k: string; h: number; v: V };
type Branch<V> = { t: 1; g: number; bm: number; a: Node<V>[] };
type Collision<V> = { t: 2; g: number; h: number; c: Leaf<V>[] };
type Node<V> = Leaf<V> | Branch<V> | Collision<V>;

/** A frozen version of the map: pass it to `reset()` to go back to it. */
export type MapMark<V> = { readonly root: Branch<V> | null; readonly size: number };

let generation = 1;

function popcount(x: number): number {
	x -= (x >>> 1) & 0x55555555;
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	x = (x + (x >>> 4)) & 0x0f0f0f0f;
	return Math.imul(x, 0x01010101) >>> 24;
}

/** Mutable handle over persistent nodes. */
export class PersistentMap<V> {
	private root: Branch<V> | null = null;
	private gen = generation++;
	private count = 0;
	/** value a write replaced (undefined when the key was absent); read right after set/delete */
	private previous: V | undefined = undefined;

	/** Number of keys. */
	get size(): number {
		return this.count;
	}

	/** The value at `key` (whose hash is `hash`), or undefined. */
	get(key: string, hash: number): V | undefined {
		let node: Node<V> | null = this.root;
		let shift = 0;
		while (node !== null) {
			if (node.t === 1) {
				const bit = 1 << ((hash >>> shift) & 31);
				if ((node.bm & bit) === 0) return undefined;
				node = node.a[popcount(node.bm & (bit - 1))];
				shift += 5;
			} else if (node.t === 0) {
				return node.k === key ? node.v : undefined;
			} else {
				for (const leaf of node.c) if (leaf.k === key) return leaf.v;
				return undefined;
			}
		}
		return undefined;
	}

	/** Sets `key` to `value`; returns the value it replaced (undefined if none). */
	set(key: string, hash: number, value: V): V | undefined {
		this.previous = undefined;
		const root = this.root ?? { t: 1 as const, g: this.gen, bm: 0, a: [] };
		this.root = this.setIn(root, 0, key, hash, value) as Branch<V>;
		return this.previous;
	}

	/** Removes `key`; returns the value it held (undefined if none). */
	delete(key: string, hash: number): V | undefined {
		if (this.root === null) return undefined;
		this.previous = undefined;
		const next = this.deleteIn(this.root, 0, key, hash);
		if (this.previous !== undefined) {
			this.count--;
			this.root = next === null ? null : next.t === 1 ? next : this.wrap(next, hash, 0);
		}
		return this.previous;
	}

	/**
	 * Freezes the current version and returns it. Later writes copy the nodes they touch, so
	 * the mark is never affected by them.
	 */
	mark(): MapMark<V> {
		this.gen = generation++;
		return { root: this.root, size: this.count };
	}

	/** Makes a version returned by `mark()` current again. */
	reset(mark: MapMark<V>): void {
		this.root = mark.root;
		this.count = mark.size;
		this.gen = generation++;
	}

	/** Calls `fn` for every entry, in hash order (deterministic for the same set of keys). */
	forEach(fn: (key: string, value: V) => void): void {
		const walk = (node: Node<V>): void => {
			if (node.t === 0) fn(node.k, node.v);
			else if (node.t === 1) for (const child of node.a) walk(child);
			else for (const leaf of node.c) fn(leaf.k, leaf.v);
		};
		if (this.root !== null) walk(this.root);
	}

	private own(node: Branch<V>): Branch<V> {
		return node.g === this.gen ? node : { t: 1, g: this.gen, bm: node.bm, a: node.a.slice() };
	}

	private leaf(key: string, hash: number, value: V): Leaf<V> {
		return { t: 0, g: this.gen, k: key, h: hash, v: value };
	}

	private wrap(node: Node<V>, hash: number, shift: number): Branch<V> {
		return { t: 1, g: this.gen, bm: 1 << ((hash >>> shift) & 31), a: [node] };
	}

	private setIn(node: Branch<V>, shift: number, key: string, hash: number, value: V): Node<V> {
		const bit = 1 << ((hash >>> shift) & 31);
		const index = popcount(node.bm & (bit - 1));
		if ((node.bm & bit) === 0) {
			const owned = this.own(node);
			owned.a.splice(index, 0, this.leaf(key, hash, value));
			owned.bm |= bit;
			this.count++;
			return owned;
		}
		const child = node.a[index];
		let next: Node<V>;
		if (child.t === 0) {
			if (child.k === key) {
				this.previous = child.v;
				if (child.g === this.gen) {
					child.v = value;
					return node;
				}
				next = this.leaf(key, hash, value);
			} else {
				this.count++;
				next = this.merge(child, this.leaf(key, hash, value), shift + 5);
			}
		} else if (child.t === 1) {
			next = this.setIn(child, shift + 5, key, hash, value);
		} else {
			next = this.setCollision(child, key, hash, value, shift + 5);
		}
		if (next === child) return node;
		const owned = this.own(node);
		owned.a[index] = next;
		return owned;
	}

	private setCollision(
		node: Collision<V>,
		key: string,
		hash: number,
		value: V,
		shift: number
	): Node<V> {
		if (node.h !== hash) {
			this.count++;
			return this.merge(node, this.leaf(key, hash, value), shift);
		}
		const leaves = node.c.slice();
		const at = leaves.findIndex((leaf) => leaf.k === key);
		if (at >= 0) {
			this.previous = leaves[at].v;
			leaves[at] = this.leaf(key, hash, value);
		} else {
			this.count++;
			leaves.push(this.leaf(key, hash, value));
		}
		return { t: 2, g: this.gen, h: hash, c: leaves };
	}

	/** A subtree holding two nodes with different keys, starting at `shift`. */
	private merge(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Node<V> {
		if (a.h === b.h) {
			const leaves = a.t === 0 ? [a, b] : [...a.c, b];
			return { t: 2, g: this.gen, h: a.h, c: leaves };
		}
		const bitA = 1 << ((a.h >>> shift) & 31);
		const bitB = 1 << ((b.h >>> shift) & 31);
		if (bitA === bitB) return { t: 1, g: this.gen, bm: bitA, a: [this.merge(a, b, shift + 5)] };
		return { t: 1, g: this.gen, bm: bitA | bitB, a: bitA >>> 0 < bitB >>> 0 ? [a, b] : [b, a] };
	}

	private deleteIn(node: Node<V>, shift: number, key: string, hash: number): Node<V> | null {
		if (node.t === 0) {
			if (node.k !== key) return node;
			this.previous = node.v;
			return null;
		}
		if (node.t === 2) {
			const at = node.c.findIndex((leaf) => leaf.k === key);
			if (at < 0) return node;
			this.previous = node.c[at].v;
			const leaves = node.c.filter((_, i) => i !== at);
			return leaves.length === 1 ? leaves[0] : { t: 2, g: this.gen, h: node.h, c: leaves };
		}
		const bit = 1 << ((hash >>> shift) & 31);
		if ((node.bm & bit) === 0) return node;
		const index = popcount(node.bm & (bit - 1));
		const child = node.a[index];
		const next = this.deleteIn(child, shift + 5, key, hash);
		if (next === child) return node;
		if (next === null) {
			if (node.a.length === 1) return null;
			// a branch left with one leaf collapses into it, keeping the trie shallow
			if (node.a.length === 2 && shift > 0) {
				const other = node.a[1 - index];
				if (other.t !== 1) return other;
			}
			const owned = this.own(node);
			owned.a.splice(index, 1);
			owned.bm &= ~bit;
			return owned;
		}
		const owned = this.own(node);
		owned.a[index] = next;
		return owned;
	}
}
