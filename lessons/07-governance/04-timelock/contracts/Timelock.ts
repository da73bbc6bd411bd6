// file: Timelock.ts
import {
	Contract,
	StorageMap,
	StorageValue,
	block,
	emit,
	keccak256,
	msg,
	require,
	revert
} from 'chainlab';

// Compound's Timelock (compound-finance/compound-protocol a3214f67, contracts/Timelock.sol): the
// admin (the governor) queues a call for an eta at least `delay` seconds away; anyone who
// disagrees has until eta to leave; the call can run from eta until eta + GRACE_PERIOD. Times and
// delays are unix seconds.
const DAY = 86_400;
/** Timelock.sol 16-18. */
const GRACE_PERIOD = 14 * DAY;
const MINIMUM_DELAY = 2 * DAY;
const MAXIMUM_DELAY = 30 * DAY;

/** The queued call's key (Timelock.sol 65: keccak256(abi.encode(target, value, signature, data, eta))). */
function txHashOf(target: string, value: bigint, signature: string, data: string, eta: number) {
	return keccak256(`${target}|${value}|${signature}|${data}|${eta}`);
}

export default class Timelock extends Contract {
	admin = new StorageValue<string>('admin', '');
	/** seconds from queue to the earliest eta (Timelock.sol's `delay`) */
	delaySeconds = new StorageValue<number>('delay', 0);
	queuedTransactions = new StorageMap<string, boolean>('queuedTransactions');

	/** constructor, Timelock.sol 27-33. */
	constructor(admin: string, delay: number) {
		super();
		// TODO: the delay must lie between MINIMUM_DELAY and MAXIMUM_DELAY
		this.admin.set(admin);
		this.delaySeconds.set(delay);
	}

	delay(): number {
		return this.delaySeconds.get();
	}

	GRACE_PERIOD(): number {
		return GRACE_PERIOD;
	}

	/** queueTransaction, Timelock.sol 61-70. `data` is the call's argument, as text. */
	queueTransaction(
		target: string,
		value: bigint,
		signature: string,
		data: string,
		eta: number
	): string {
		if (msg.sender !== this.admin.get())
			revert('Timelock::queueTransaction: Call must come from admin.');
		// TODO: eta must be at least `delay` seconds from now
		const txHash = txHashOf(target, value, signature, data, eta);
		this.queuedTransactions.set(txHash, true);
		emit('QueueTransaction', { txHash, target, signature, data, eta });
		return txHash;
	}

	/** cancelTransaction, Timelock.sol 72-79. */
	cancelTransaction(target: string, value: bigint, signature: string, data: string, eta: number) {
		if (msg.sender !== this.admin.get())
			revert('Timelock::cancelTransaction: Call must come from admin.');
		const txHash = txHashOf(target, value, signature, data, eta);
		this.queuedTransactions.set(txHash, false);
		emit('CancelTransaction', { txHash, target, signature, data, eta });
	}

	/** executeTransaction, Timelock.sol 81-106: from eta until eta + GRACE_PERIOD, inclusive. */
	executeTransaction(target: string, value: bigint, signature: string, data: string, eta: number) {
		if (msg.sender !== this.admin.get())
			revert('Timelock::executeTransaction: Call must come from admin.');
		const txHash = txHashOf(target, value, signature, data, eta);
		if (this.queuedTransactions.get(txHash) !== true)
			revert("Timelock::executeTransaction: Transaction hasn't been queued.");
		// TODO: not before eta, and not after eta + GRACE_PERIOD
		this.queuedTransactions.set(txHash, false);
		// the call: `signature` names the method, `data` its one argument (a number here)
		Contract.at(target)[signature](Number(data));
		emit('ExecuteTransaction', { txHash, target, signature, data, eta });
	}
}
