// Block-STM's multi-version memory, the part you write: validation of a read set and the ESTIMATE
// markers of an abort (Gelashvili et al., arXiv 2203.06871, 2022, Algorithm 2). The executor
// (scheduler, simulated threads, the VM's reads) is given; it calls these two methods with plain
// copies of the memory and uses what they return.
import { Contract } from 'chainlab';

/** A version: the writing transaction's index in the block and its incarnation, both from 0. */
type Version = { txIdx: number; incarnation: number };
/** One entry: what an incarnation wrote, or the ESTIMATE marker of an aborted incarnation. */
type Entry = { incarnation: number; value: number } | 'ESTIMATE';
/** One location's entries: txIdx (as a decimal string) -> entry. */
type Versions = { [txIdx: string]: Entry };
/** The memory for some locations: key -> its entries. */
type Data = { [key: string]: Versions };
/** One read of a read set: the key and the version seen, null for storage (no writer below). */
type Read = { key: string; version: Version | null };
/** What a read of `key` by transaction `txIdx` finds now. */
type Found =
	| { kind: 'ok'; version: Version; value: number }
	| { kind: 'estimate'; blocking: number }
	| { kind: 'not-found' };

export default class MultiVersionMemory extends Contract {
	/**
	 * Algorithm 2 `read(location, txn_idx)` (given): the entry of the HIGHEST transaction BELOW
	 * `txIdx` that wrote `key`; 'estimate' when that entry is an ESTIMATE; 'not-found' when no lower
	 * transaction wrote it (the read then goes to storage).
	 */
	read(data: Data, key: string, txIdx: number): Found {
		const entries = data[key] ?? {};
		let best = -1;
		for (const j of Object.keys(entries)) {
			const idx = Number(j);
			if (idx < txIdx && idx > best) best = idx;
		}
		if (best < 0) return { kind: 'not-found' };
		const entry = entries[String(best)];
		if (entry === 'ESTIMATE') return { kind: 'estimate', blocking: best };
		return {
			kind: 'ok',
			version: { txIdx: best, incarnation: entry.incarnation },
			value: entry.value
		};
	}

	/**
	 * Algorithm 2 `validate_read_set(txn_idx)`: true when every read in `readSet` (what the last
	 * incarnation of `txIdx` read) would find the SAME VERSION now: the same writer and the same
	 * incarnation, or storage again. An ESTIMATE, a different writer, a new incarnation, or storage
	 * where a version was read (or the reverse) makes it false.
	 */
	validateReadSet(txIdx: number, readSet: Read[], data: Data): boolean {
		for (const r of readSet) {
			const now = this.read(data, r.key, txIdx);
			if (now.kind === 'estimate') return false;
			if (now.kind === 'not-found') {
				if (r.version !== null) return false;
				continue;
			}
			if (r.version === null) return false;
			if (r.version.txIdx !== now.version.txIdx) return false;
			if (r.version.incarnation !== now.version.incarnation) return false;
		}
		return true;
	}

	/**
	 * Algorithm 2 `convert_writes_to_estimates(txn_idx)`: transaction `txIdx`'s incarnation was just
	 * aborted. Replace its entry at every location in `written` (what it wrote) by 'ESTIMATE', leave
	 * every other entry as it is, and return the data.
	 */
	convertWritesToEstimates(txIdx: number, written: string[], data: Data): Data {
		for (const key of written) {
			const entries = data[key] ?? {};
			entries[String(txIdx)] = 'ESTIMATE';
			data[key] = entries;
		}
		return data;
	}
}
