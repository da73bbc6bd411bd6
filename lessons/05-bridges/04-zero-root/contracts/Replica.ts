import { Contract, StorageMap, StorageValue, block, emit, keccak256, msg, require } from 'chainlab';

/** Message status values, as Nomad stored them in `messages` (Replica.sol 29-31). */
const LEGACY_STATUS_NONE = '0x' + '00'.repeat(32);
const LEGACY_STATUS_PROVEN = '0x' + '00'.repeat(31) + '01';
const LEGACY_STATUS_PROCESSED = '0x' + '00'.repeat(31) + '02';
/** Depth of Nomad's Merkle tree of messages (MerkleLib TREE_DEPTH). */
const TREE_DEPTH = 32;

/** A message: origin|sender|nonce|destination|recipient|body (body = `<to>|<amount>`). */
function parseMessage(message: string) {
	const parts = message.split('|');
	require(parts.length === 7, 'malformed message');
	return {
		origin: Number(parts[0]),
		sender: parts[1],
		nonce: Number(parts[2]),
		destination: Number(parts[3]),
		recipient: parts[4],
		body: parts[5] + '|' + parts[6]
	};
}

/** MerkleLib.branchRoot: the root a leaf and its 32 sibling hashes lead to. */
function branchRoot(leaf: string, branch: string[], index: number): string {
	require(branch.length === TREE_DEPTH, 'a proof has 32 hashes');
	let current = leaf;
	for (let i = 0; i < TREE_DEPTH; i++) {
		const right = Math.floor(index / 2 ** i) % 2 === 1;
		const [a, b] = right ? [branch[i], current] : [current, branch[i]];
		current = keccak256('0x' + a.slice(2) + b.slice(2));
	}
	return current;
}

/**
 * Nomad's Replica: the inbox on the destination chain for messages sent from the Home on the
 * origin chain. The updater posts new Merkle roots of the Home's messages; a root becomes usable
 * `optimisticSeconds` after it lands (the window in which a watcher can prove fraud); a message
 * proven against a usable root is processed once.
 * Modelled on nomad-xyz/monorepo packages/contracts-core/contracts/Replica.sol at 2b80ba83.
 */
export default class Replica extends Contract {
	localDomain: number;
	remoteDomain: number;
	updater: string;
	optimisticSeconds: number;
	committedRoot = new StorageValue<string>('committedRoot', LEGACY_STATUS_NONE);
	/** root -> the time (unix seconds) from which it is acceptable; 0 or missing = never */
	confirmAt = new StorageMap<string, number>('confirmAt');
	/** message hash -> the root it was proven under, or a LEGACY_STATUS value */
	messages = new StorageMap<string, string>('messages');

	/** Replica.initialize (103-118): also run by the upgrade of 21 June 2022. */
	constructor(
		localDomain: number,
		remoteDomain: number,
		updater: string,
		committedRoot: string,
		optimisticSeconds: number
	) {
		super();
		this.localDomain = localDomain;
		this.remoteDomain = remoteDomain;
		this.updater = updater;
		this.optimisticSeconds = optimisticSeconds;
		this.committedRoot.set(committedRoot);
		// pre-approve the committed root
		this.confirmAt.set(committedRoot, 1);
	}

	/** The updater posts the Home's new root; it is acceptable after the optimistic window. */
	update(oldRoot: string, newRoot: string) {
		require(msg.sender === this.updater, '!updater sig');
		require(oldRoot === this.committedRoot.get(), 'not current update');
		this.confirmAt.set(newRoot, block.timestamp + this.optimisticSeconds);
		this.committedRoot.set(newRoot);
		emit('Update', { oldRoot, newRoot });
	}

	/** Proves `leaf` is in the tree under an acceptable root; records that root for the leaf. */
	prove(leaf: string, proof: string[], index: number): boolean {
		require(this.messages.get(leaf) !== LEGACY_STATUS_PROCESSED, 'already processed');
		const calculatedRoot = branchRoot(leaf, proof, index);
		if (this.acceptableRoot(calculatedRoot)) {
			this.messages.set(leaf, calculatedRoot);
			return true;
		}
		return false;
	}

	/** Proves a message if it is not proven yet, then processes it. */
	proveAndProcess(message: string, proof: string[], index: number): boolean {
		const hash = keccak256(message);
		require(this.acceptableRoot(this.messages.get(hash) ?? LEGACY_STATUS_NONE) ||
			this.prove(hash, proof, index), '!prove');
		return this.process(message);
	}

	/** Hands a proven message to its recipient, once (Replica.sol 186-213). */
	process(message: string): boolean {
		const m = parseMessage(message);
		require(m.destination === this.localDomain, '!destination');
		const hash = keccak256(message);
		require(this.acceptableRoot(this.messages.get(hash) ?? LEGACY_STATUS_NONE), '!proven');
		this.messages.set(hash, LEGACY_STATUS_PROCESSED);
		Contract.at(m.recipient).handle(m.origin, m.nonce, m.sender, m.body);
		emit('Process', { messageHash: hash });
		return true;
	}

	/**
	 * True iff `root` has been submitted and its optimistic window is over (262-273).
	 * TODO: an unproven message's entry in `messages` is LEGACY_STATUS_NONE (0x00...00). What
	 * does this return for it after the upgrade set committedRoot to 0x00...00?
	 */
	acceptableRoot(root: string): boolean {
		if (root === LEGACY_STATUS_PROVEN) return true;
		if (root === LEGACY_STATUS_PROCESSED) return false;
		const time = this.confirmAt.get(root) ?? 0;
		if (time === 0) return false;
		return block.timestamp >= time;
	}
}
