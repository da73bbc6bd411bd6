/**
 * Compound's Timelock (compound-finance/compound-protocol a3214f67, contracts/Timelock.sol): the
 * admin (the governor) queues a transaction for an `eta` at least `delay` seconds away; it can be
 * executed from `eta` on and until `eta + GRACE_PERIOD` inclusive, then it is stale.
 *
 * Units: seconds (delay, eta, timestamps are unix seconds). Time comes from the shared clock.
 */
import { RevertError } from './revert.ts';
import type { GovernanceClock } from './votes-token.ts';

const DAY = 86_400;
/** Timelock.sol 16: how long a queued transaction stays executable after its eta, seconds. */
export const GRACE_PERIOD = 14 * DAY;
/** Timelock.sol 17: the shortest delay, seconds. */
export const MINIMUM_DELAY = 2 * DAY;
/** Timelock.sol 18: the longest delay, seconds. */
export const MAXIMUM_DELAY = 30 * DAY;

/** One queued call: Timelock.sol keys it by keccak256(abi.encode(target, value, signature, data, eta)). */
export type TimelockCall = { target: string; value: bigint; signature: string; data: string };

/** The key of a call at an eta (a readable stand-in for the keccak of Timelock.sol 65). */
export function txKey(call: TimelockCall, eta: number): string {
	return `${call.target}|${call.value}|${call.signature}|${call.data}|${eta}`;
}

/**
 * @throws RevertError with Timelock.sol 28-29's messages unless MINIMUM_DELAY <= delay <= MAXIMUM_DELAY
 */
function checkDelay(delay: number, where: 'constructor' | 'setDelay'): void {
	if (!(delay >= MINIMUM_DELAY))
		throw new RevertError(
			`Timelock::${where}: Delay must exceed minimum delay.`,
			`a delay of ${delay} s is under the 2-day minimum`
		);
	if (!(delay <= MAXIMUM_DELAY))
		throw new RevertError(
			'Timelock::setDelay: Delay must not exceed maximum delay.',
			`a delay of ${delay} s is over the 30-day maximum`
		);
}

export class Timelock {
	/** seconds between queueing and the earliest execution */
	delay: number;
	private readonly queued = new Set<string>();

	/**
	 * @param clock the shared block.timestamp
	 * @param admin who may queue, cancel and execute (the governor)
	 * @param delay seconds, MINIMUM_DELAY to MAXIMUM_DELAY (constructor, Timelock.sol 27-33)
	 * @throws RevertError for a delay out of bounds
	 */
	constructor(
		readonly clock: GovernanceClock,
		public admin: string,
		delay: number
	) {
		checkDelay(delay, 'constructor');
		this.delay = delay;
	}

	/** queuedTransactions(txHash) */
	isQueued(call: TimelockCall, eta: number): boolean {
		return this.queued.has(txKey(call, eta));
	}

	/**
	 * Set a new delay; only the timelock itself may (a queued transaction to itself), Timelock.sol 37-44.
	 * @throws RevertError 'Timelock::setDelay: Call must come from Timelock.' or a bound's message
	 */
	setDelay(sender: string, delay: number, self = 'timelock'): void {
		if (sender !== self)
			throw new RevertError(
				'Timelock::setDelay: Call must come from Timelock.',
				'only a queued governance action may change the delay'
			);
		checkDelay(delay, 'setDelay');
		this.delay = delay;
	}

	/**
	 * Queue `call` for `eta` (queueTransaction, Timelock.sol 61-70).
	 * @throws RevertError 'Timelock::queueTransaction: Call must come from admin.' or
	 *   'Timelock::queueTransaction: Estimated execution block must satisfy delay.' when eta < now + delay
	 */
	queueTransaction(sender: string, call: TimelockCall, eta: number): string {
		this.requireAdmin(sender, 'queueTransaction');
		if (!(eta >= this.clock.timestamp + this.delay))
			throw new RevertError(
				'Timelock::queueTransaction: Estimated execution block must satisfy delay.',
				`eta ${eta} is earlier than now (${this.clock.timestamp}) + delay (${this.delay} s)`
			);
		const key = txKey(call, eta);
		this.queued.add(key);
		return key;
	}

	/** cancelTransaction, Timelock.sol 72-79. @throws RevertError when `sender` is not the admin */
	cancelTransaction(sender: string, call: TimelockCall, eta: number): void {
		this.requireAdmin(sender, 'cancelTransaction');
		this.queued.delete(txKey(call, eta));
	}

	/**
	 * Execute a queued call (executeTransaction, Timelock.sol 81-106): from `eta` on, until
	 * `eta + GRACE_PERIOD` inclusive. The call itself is the caller's to run.
	 * @throws RevertError "Timelock::executeTransaction: Transaction hasn't been queued.",
	 *   "...: Transaction hasn't surpassed time lock." (now < eta) or "...: Transaction is stale."
	 *   (now > eta + GRACE_PERIOD)
	 */
	executeTransaction(sender: string, call: TimelockCall, eta: number): void {
		this.requireAdmin(sender, 'executeTransaction');
		const key = txKey(call, eta);
		if (!this.queued.has(key))
			throw new RevertError(
				"Timelock::executeTransaction: Transaction hasn't been queued.",
				'nothing is queued for this call at this eta'
			);
		const now = this.clock.timestamp;
		if (!(now >= eta))
			throw new RevertError(
				"Timelock::executeTransaction: Transaction hasn't surpassed time lock.",
				`now (${now}) is before eta (${eta})`
			);
		if (now > eta + GRACE_PERIOD)
			throw new RevertError(
				'Timelock::executeTransaction: Transaction is stale.',
				`now (${now}) is after eta + GRACE_PERIOD (${eta + GRACE_PERIOD})`
			);
		this.queued.delete(key);
	}

	private requireAdmin(sender: string, fn: string): void {
		if (sender !== this.admin)
			throw new RevertError(
				`Timelock::${fn}: Call must come from admin.`,
				`${sender} is not the timelock's admin`
			);
	}
}
