// file: Restaking.ts
import { Contract, StorageMap, StorageValue, emit, msg, require } from 'chainlab';

// EigenLayer's AllocationManager after ELIP-002 (slashing via unique stake and operator sets),
// one operator set per AVS. Stakes are in wei; magnitudes and wadToSlash are WAD (1e18 = 100%).
const WAD = 10n ** 18n;
/** ELIP-002 INITIAL_TOTAL_MAGNITUDE: every operator starts with 1e18, which only decreases. */
const INITIAL_TOTAL_MAGNITUDE = WAD;

export default class Restaking extends Contract {
	admin = new StorageValue<string>('admin', '');
	/** an operator's delegated stake, wei */
	stake = new StorageMap<string, bigint>('stake');
	totalMagnitude = new StorageMap<string, bigint>('totalMagnitude');
	/** magnitude an operator allocated to an AVS, keyed `operator|avs` */
	allocation = new StorageMap<string, bigint>('allocation');
	/** the sum of an operator's allocations */
	encumbered = new StorageMap<string, bigint>('encumbered');
	/** everything slashes have taken (burned), wei */
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
		if (!this.totalMagnitude.has(operator))
			this.totalMagnitude.set(operator, INITIAL_TOTAL_MAGNITUDE);
		this.stake.set(operator, (this.stake.get(operator) ?? 0n) + amount);
	}

	/** The caller (an operator) allocates `magnitude` of its total to `avs` (modifyAllocations). */
	allocate(avs: string, magnitude: bigint) {
		const op = msg.sender;
		const key = `${op}|${avs}`;
		const others = (this.encumbered.get(op) ?? 0n) - (this.allocation.get(key) ?? 0n);
		require(others + magnitude <= (this.totalMagnitude.get(op) ?? 0n), 'insufficient magnitude');
		this.allocation.set(key, magnitude);
		this.encumbered.set(op, others + magnitude);
	}

	/** The stake `avs` can slash: stake * allocated magnitude / total magnitude (wei). */
	allocatedStake(operator: string, avs: string): bigint {
		const total = this.totalMagnitude.get(operator) ?? 0n;
		if (total === 0n) return 0n;
		return (
			((this.stake.get(operator) ?? 0n) * (this.allocation.get(`${operator}|${avs}`) ?? 0n)) / total
		);
	}

	/**
	 * The caller (an AVS) slashes `wadToSlash` of the magnitude `operator` allocated to it.
	 * Returns the stake slashed (wei).
	 */
	slashOperator(operator: string, wadToSlash: bigint): bigint {
		require(wadToSlash >= 0n && wadToSlash <= WAD, 'invalid wad');
		const avs = msg.sender;
		// TODO unique stake: slash only what `operator` allocated to this AVS (the caller).
		// slashedMagnitude = allocation * wadToSlash / WAD leaves this AVS's allocation, the
		// encumbered sum and the total magnitude; the stake falls by stake * slashedMagnitude / total.
		// This starter slashes like a pooled model: wadToSlash of the whole stake, whatever the
		// allocation, which lowers every other AVS's security too.
		require((this.allocation.get(`${operator}|${avs}`) ?? 0n) >
			0n, 'operator not allocated to this AVS');
		const stake = this.stake.get(operator) ?? 0n;
		const amount = (stake * wadToSlash) / WAD;
		this.stake.set(operator, stake - amount);
		this.burned.set(this.burned.get() + amount);
		emit('OperatorSlashed', { operator, avs, wadSlashed: wadToSlash, amount });
		return amount;
	}
}
