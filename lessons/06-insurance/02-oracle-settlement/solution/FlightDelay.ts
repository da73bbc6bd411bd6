// file: FlightDelay.ts
import { Contract, StorageMap, StorageValue, emit, msg, require, transfer } from 'chainlab';

// Etherisc FlightDelayChainlink 0.1.6 ran on the xDai chain: premiums and payouts are native xDAI
// (wei, 18 decimals). The premium is exactly 15 xDAI (MIN_PREMIUM = MAX_PREMIUM = 1500 * 10 ** 16).
const PREMIUM = 15n * 10n ** 18n;

/** A policy: who is insured, on which flight, its payout table and where it stands. */
type Policy = {
	customer: string;
	flight: string;
	premium: bigint;
	/** wei per option [15-29 min, 30-44 min, >= 45 min, cancelled, diverted]; empty until underwritten */
	payouts: bigint[];
	state: 'applied' | 'active' | 'paidOut' | 'expired';
};

/** Flight-delay insurance: policies bought with a premium, settled from the oracle's reports. */
export default class FlightDelay extends Contract {
	oracle = new StorageValue<string>('oracle', '');
	policyCount = new StorageValue<number>('policyCount', 0);
	policies = new StorageMap<number, Policy>('policies');

	constructor(oracle: string) {
		super();
		this.oracle.set(oracle);
	}

	/** The risk pool: xDAI sent to the contract pays the claims. */
	receive() {
		emit('PoolFunded', { from: msg.sender, amount: msg.value });
	}

	/** Buy a policy on `flight` with exactly 15 xDAI sent along. Returns the policy id. */
	applyForPolicy(flight: string): number {
		require(msg.value >= PREMIUM, 'ERROR:FDD-001:INVALID_PREMIUM');
		require(msg.value <= PREMIUM, 'ERROR:FDD-002:INVALID_PREMIUM');
		const id = this.policyCount.get() + 1;
		this.policyCount.set(id);
		const policy: Policy = {
			customer: msg.sender,
			flight,
			premium: msg.value,
			payouts: [],
			state: 'applied'
		};
		this.policies.set(id, policy);
		emit('PolicyApplied', { id, customer: msg.sender, flight });
		return id;
	}

	/**
	 * The ratings oracle's answer: the payout table that calculatePayouts gives for the flight's
	 * statistics (lesson 1). The policy is active from now on.
	 */
	underwrite(id: number, payouts: bigint[]) {
		require(msg.sender === this.oracle.get(), 'only the oracle may underwrite a policy');
		const policy = this.policyOf(id);
		require(policy.state === 'applied', `policy ${id} is ${policy.state}, not waiting for a table`);
		require(payouts.length === 5, 'a payout table has five options');
		policy.payouts = payouts;
		policy.state = 'active';
		this.policies.set(id, policy);
		emit('PolicyUnderwritten', { id, payouts });
	}

	/** Policy `id`; reverts when there is none. */
	policyOf(id: number): Policy {
		const policy = this.policies.get(id);
		require(policy !== undefined, `there is no policy ${id}`);
		return policy;
	}

	/**
	 * The payout option (0-4, an index into the payout table) that a flight status selects, or
	 * null when it selects none. `status` is one letter: 'L' landed, 'C' cancelled, 'D' diverted,
	 * 'A' still in the air; `delay` is the arrival delay in whole minutes (negative: early).
	 */
	payoutOption(status: string, delay: number): number | null {
		if (status === 'C') return 3;
		if (status === 'D') return 4;
		if (status !== 'L') return null;
		if (delay >= 15 && delay < 30) return 0;
		if (delay >= 30 && delay < 45) return 1;
		if (delay >= 45) return 2;
		return null;
	}

	/**
	 * The status oracle's report on policy `id`'s flight: pay the selected option to the insured
	 * from the pool, or expire the policy. Only the oracle may report.
	 */
	flightStatusCallback(id: number, status: string, delay: number) {
		require(msg.sender === this.oracle.get(), 'only the oracle may report a flight status');
		const policy = this.policyOf(id);
		require(policy.state === 'active', `policy ${id} is ${policy.state}: it was settled already`);
		if (status !== 'L' && status !== 'C' && status !== 'D') {
			// 'A': the flight is still in the air, the oracle checks again; anything else is unreadable
			emit(status === 'A' ? 'UnexpectedStatus' : 'UnprocessableStatus', { id, status, delay });
			return;
		}
		const option = this.payoutOption(status, delay);
		const amount = option === null ? 0n : policy.payouts[option];
		if (amount === 0n) {
			policy.state = 'expired';
			this.policies.set(id, policy);
			emit('PolicyExpired', { id });
			return;
		}
		// settle first, pay second: a payout can never be claimed twice
		policy.state = 'paidOut';
		this.policies.set(id, policy);
		transfer(policy.customer, amount);
		emit('PayoutTransferred', { id, customer: policy.customer, amount });
	}
}
