import {
	Contract,
	StorageMap,
	StorageValue,
	Token,
	block,
	emit,
	msg,
	require,
	sha256
} from 'chainlab';

/** An IBC height: revision 1 on both chains here, and a block height in it. */
type Height = { revisionNumber: bigint; revisionHeight: bigint };
/** An ICS-004 packet: where it goes, what it carries (ICS-20 JSON), and when it times out. */
type Packet = {
	sequence: bigint;
	sourcePort: string;
	sourceChannel: string;
	destinationPort: string;
	destinationChannel: string;
	data: string;
	timeoutHeight: Height;
	/** nanoseconds since the epoch on the destination's clock; 0n = no timestamp timeout */
	timeoutTimestamp: bigint;
};
/** The counterparty's IBC store at a height the light client knows, as [path, value] pairs. */
type Proof = [string, string][];

const PORT = 'transfer';
const CHANNEL = 'channel-0';
const REVISION = 1n;
/** ICS-20's success acknowledgement: {"result":"AQ=="} */
const SUCCESS_ACK = '{"result":"AQ=="}';
/** What a packet receipt holds: one byte, 0x01 */
const RECEIPT = '0x01';

const be8 = (n: bigint) => n.toString(16).padStart(16, '0');

/** ibc-go CommitPacket: SHA-256(timeoutTimestamp ‖ revision ‖ height ‖ SHA-256(data)). */
function commitPacket(p: Packet): string {
	const h = p.timeoutHeight;
	return sha256(
		'0x' +
			be8(p.timeoutTimestamp) +
			be8(h.revisionNumber) +
			be8(h.revisionHeight) +
			sha256(p.data).slice(2)
	);
}

/** ICS-24 store paths: `commitments|receipts|acks/ports/{port}/channels/{channel}/sequences/{n}`. */
const pathOf = (kind: string, port: string, channel: string, sequence: bigint) =>
	`${kind}/ports/${port}/channels/${channel}/sequences/${sequence}`;
const commitmentPath = (p: Packet) =>
	pathOf('commitments', p.sourcePort, p.sourceChannel, p.sequence);
const receiptPath = (p: Packet) =>
	pathOf('receipts', p.destinationPort, p.destinationChannel, p.sequence);
const ackPath = (p: Packet) => pathOf('acks', p.destinationPort, p.destinationChannel, p.sequence);

/**
 * ICS-004 timeout rule (ibc-go Timeout.Elapsed): the packet has timed out at (height, time in
 * ns) when its timeout height is set (not 0-0) and height >= it, or its timeout timestamp is set
 * (not 0) and time >= it. Revision numbers compare first.
 */
function timeoutElapsed(p: Packet, height: Height, timestamp: bigint): boolean {
	const limit = p.timeoutHeight;
	const heightSet = limit.revisionNumber !== 0n || limit.revisionHeight !== 0n;
	const heightReached =
		height.revisionNumber > limit.revisionNumber ||
		(height.revisionNumber === limit.revisionNumber &&
			height.revisionHeight >= limit.revisionHeight);
	const timeSet = p.timeoutTimestamp !== 0n;
	return (heightSet && heightReached) || (timeSet && timestamp >= p.timeoutTimestamp);
}

/**
 * One end of an ICS-20 transfer channel (`transfer/channel-0`) on an unordered channel, deployed
 * on both chains. On chain A it escrows TOK and sends packets; on chain B it receives them and
 * mints vouchers. What one chain proves to the other lives in `store` (the IBC store: packet
 * commitments, receipts and acknowledgements), which the other chain's LightClient checks
 * against a header its validators signed.
 */
export default class TransferChannel extends Contract {
	/** the token this end escrows when it sends ('' on the receiving chain) */
	token: string;
	/** this chain's LightClient of the counterparty chain */
	client: string;
	store = new StorageMap<string, string>('store');
	paths = new StorageValue<string[]>('paths', []);
	nextSequence = new StorageValue<bigint>('nextSequence', 1n);
	escrowed = new StorageValue<bigint>('escrowed', 0n);
	vouchers = new StorageMap<string, bigint>('vouchers');
	supply = new StorageValue<bigint>('supply', 0n);

	constructor(token: string, client: string) {
		super();
		this.token = token;
		this.client = client;
	}

	// ---- given: sending, acknowledging, the store and the ICS-20 token moves ----

	/**
	 * ICS-20 MsgTransfer: escrow `amount` TOK of the caller and send a packet carrying it to
	 * `receiver` on the counterparty. Give a timeout height, a timeout timestamp (ns), or both.
	 */
	sendTransfer(receiver: string, amount: bigint, timeoutHeight: Height, timeoutTimestamp: bigint) {
		require(amount > 0n, 'amount must be positive');
		const noHeight = timeoutHeight.revisionNumber === 0n && timeoutHeight.revisionHeight === 0n;
		require(!noHeight ||
			timeoutTimestamp !== 0n, 'a packet needs a timeout height or a timeout timestamp');
		const token = Token.at(this.token);
		token.transferFrom(msg.sender, this.address, amount);
		this.escrowed.set(this.escrowed.get() + amount);
		const sequence = this.nextSequence.get();
		this.nextSequence.set(sequence + 1n);
		// ICS-20 FungibleTokenPacketData as ibc-go's GetBytes writes it (json.Marshal, no memo)
		const data = JSON.stringify({
			denom: token.symbol(),
			amount: amount.toString(),
			sender: msg.sender,
			receiver
		});
		const packet: Packet = {
			sequence,
			sourcePort: PORT,
			sourceChannel: CHANNEL,
			destinationPort: PORT,
			destinationChannel: CHANNEL,
			data,
			timeoutHeight,
			timeoutTimestamp
		};
		this.put(commitmentPath(packet), commitPacket(packet));
		emit('SendPacket', { nonce: sequence, amount, packet });
	}

	/**
	 * MsgAcknowledgement: the counterparty proves it wrote `ack` for `packet`; the commitment is
	 * deleted (the packet is done) and an error acknowledgement refunds the sender. A packet
	 * already acknowledged or timed out is a no-op.
	 */
	acknowledgePacket(packet: Packet, ack: string, proofHeight: number, proof: Proof) {
		const stored = this.store.get(commitmentPath(packet));
		if (stored === undefined) return;
		require(stored ===
			commitPacket(packet), 'the packet does not match the commitment this chain stored');
		Contract.at(this.client).verifyMembership(proofHeight, proof, ackPath(packet), sha256(ack));
		this.erase(commitmentPath(packet));
		if (ack !== SUCCESS_ACK) this.refund(packet);
		emit('AcknowledgePacket', { nonce: packet.sequence, ack });
	}

	/** This chain's IBC store, what its validators' headers commit to (the app hash). */
	storeEntries(): [string, string][] {
		return this.paths.get().map((p) => [p, this.store.get(p)!] as [string, string]);
	}

	/** This chain's own height, as IBC counts it (revision 1). */
	selfHeight(): Height {
		return { revisionNumber: REVISION, revisionHeight: BigInt(block.number) };
	}

	voucherBalance(owner: string): bigint {
		return this.vouchers.get(owner) ?? 0n;
	}

	voucherSupply(): bigint {
		return this.supply.get();
	}

	escrow(): bigint {
		return this.escrowed.get();
	}

	private put(path: string, value: string) {
		if (!this.store.has(path)) this.paths.set([...this.paths.get(), path]);
		this.store.set(path, value);
	}

	private erase(path: string) {
		this.store.delete(path);
		this.paths.set(this.paths.get().filter((p) => p !== path));
	}

	/** ICS-20 OnRecvPacket on the receiving chain: mint the voucher to the packet's receiver. */
	private mintVoucher(packet: Packet) {
		const data = JSON.parse(packet.data);
		const amount = BigInt(data.amount);
		this.vouchers.set(data.receiver, this.voucherBalance(data.receiver) + amount);
		this.supply.set(this.supply.get() + amount);
	}

	/** ICS-20 refundPacketTokens on the sending chain: the escrowed TOK back to the sender. */
	private refund(packet: Packet) {
		const data = JSON.parse(packet.data);
		const amount = BigInt(data.amount);
		this.escrowed.set(this.escrowed.get() - amount);
		Token.at(this.token).transfer(data.sender, amount);
	}

	/** WriteAcknowledgement: store the ack's commitment (SHA-256) for the sender to prove. */
	private writeAcknowledgement(packet: Packet, ack: string) {
		this.put(ackPath(packet), sha256(ack));
		emit('WriteAcknowledgement', { nonce: packet.sequence, ack });
	}

	// ---- yours: receiving and timing out ----

	/**
	 * MsgRecvPacket on the destination: refuse a packet that has timed out here (this chain's
	 * height and time, >=), prove that the source committed to it, then receive it once: a packet
	 * whose receipt exists is a no-op; otherwise write the receipt, mint and acknowledge.
	 */
	recvPacket(packet: Packet, proofHeight: number, proof: Proof) {
		require(packet.destinationPort === PORT &&
			packet.destinationChannel === CHANNEL, 'the packet is for another channel');
		const now = BigInt(block.timestamp) * 1_000_000_000n;
		require(!timeoutElapsed(
			packet,
			this.selfHeight(),
			now
		), `packet ${packet.sequence} timed out: this chain is at height ${block.number}, time ${now} ns`);
		Contract.at(this.client).verifyMembership(
			proofHeight,
			proof,
			commitmentPath(packet),
			commitPacket(packet)
		);
		if (this.store.has(receiptPath(packet))) return;
		this.put(receiptPath(packet), RECEIPT);
		emit('RecvPacket', { nonce: packet.sequence });
		this.mintVoucher(packet);
		this.writeAcknowledgement(packet, SUCCESS_ACK);
	}

	/**
	 * MsgTimeout on the source: prove that at `proofHeight` the destination's height or time had
	 * reached the packet's timeout (>=) and it held no receipt for the packet, then delete the
	 * commitment and refund. A packet already acknowledged or timed out is a no-op.
	 */
	timeoutPacket(packet: Packet, proofHeight: number, proof: Proof) {
		const stored = this.store.get(commitmentPath(packet));
		if (stored === undefined) return;
		require(stored ===
			commitPacket(packet), 'the packet does not match the commitment this chain stored');
		const client = Contract.at(this.client);
		const state = client.consensusState(proofHeight);
		require(state !== null, `the light client has no header at height ${proofHeight}`);
		const at = { revisionNumber: REVISION, revisionHeight: BigInt(proofHeight) };
		const time = BigInt(state.time) * 1_000_000_000n;
		require(timeoutElapsed(
			packet,
			at,
			time
		), `packet ${packet.sequence} has not timed out at height ${proofHeight}`);
		client.verifyNonMembership(proofHeight, proof, receiptPath(packet));
		this.erase(commitmentPath(packet));
		this.refund(packet);
		emit('TimeoutPacket', { nonce: packet.sequence });
	}
}
