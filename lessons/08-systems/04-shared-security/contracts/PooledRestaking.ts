// file: PooledRestaking.ts
import { Contract, StorageMap, StorageValue, emit, msg, require } from 'chainlab';

// Read-only: the pooled model of EigenLayer's first design (ELIP-002, "Why the Unique Security
// model?"): an operator opts into AVSs and its ENTIRE delegated stake backs, and can be slashed
// by, every one of them. Stakes are in wei; wadToSlash is WAD (1e18 = 100%).
const WAD = 10n ** 18n;

export default class PooledRestaking extends Contract {
	admin = new StorageValue<string>('admin', '');
	stake = new StorageMap<string, bigint>('stake');
	optedIn = new StorageMap<string, boolean>('optedIn');
	burned = new StorageValue<bigint>('burned', 0n);

	constructor() {
		super();
		this.admin.set(msg.sender);
	}

	/** An operator's delegated stake (wei) and everything slashes burned (wei). */
	stakeOf(operator: string): bigint {
		return this.stake.get(operator) ?? 0n;
	}

	totalBurned(): bigint {
		return this.burned.get();
	}

	delegate(operator: string, amount: bigint) {
		require(msg.sender === this.admin.get(), 'only admin');
		this.stake.set(operator, (this.stake.get(operator) ?? 0n) + amount);
	}

	/** The caller (an operator) opts into `avs`; the magnitude is ignored: all of it backs it. */
	allocate(avs: string, magnitude: bigint) {
		require(magnitude > 0n, 'nothing to allocate');
		this.optedIn.set(`${msg.sender}|${avs}`, true);
	}

	/** The stake behind `avs`: the operator's whole stake once opted in. */
	allocatedStake(operator: string, avs: string): bigint {
		return this.optedIn.get(`${operator}|${avs}`) ? (this.stake.get(operator) ?? 0n) : 0n;
	}

	/** The caller (an AVS) slashes `wadToSlash` of the operator's whole stake. */
	slashOperator(operator: string, wadToSlash: bigint): bigint {
		require(wadToSlash >= 0n && wadToSlash <= WAD, 'invalid wad');
		require(this.optedIn.get(`${operator}|${msg.sender}`) === true, 'not opted in');
		const stake = this.stake.get(operator) ?? 0n;
		const amount = (stake * wadToSlash) / WAD;
		this.stake.set(operator, stake - amount);
		this.burned.set(this.burned.get() + amount);
		emit('OperatorSlashed', { operator, avs: msg.sender, wadSlashed: wadToSlash, amount });
		return amount;
	}
}
