// Wormhole, 2 February 2022: verify_signatures read the secp256k1 instruction through an account
// the caller passed; the attacker passed its own, and 120,000 wETH were minted with no signature.
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { ApprovalRecord, SignatureKind } from '#lib/model/approvals.ts';
import { ethAddress, secretKeyFromLabel, signDigest } from '#lib/protocols/ecdsa.ts';
import { keccak256 } from '#lib/sim/hash.ts';
import type { Receipt } from '#lib/scenario/engine.ts';

const BRIDGE = 'contracts/Bridge.ts';
const SYSVAR = 'contracts/Instructions.ts';
const FAKE = 'contracts/FakeInstructions.ts';
const ETH = 10n ** 18n;
/** 2 February 2022, 18:24 UTC: the unbacked mint on Solana (Wormhole incident report) */
const GENESIS = Date.UTC(2022, 1, 2, 18, 0) / 1000;

/** Wormhole's 19 guardians (simulated keys; the guardian set of February 2022 had 19 members). */
const GUARDIANS = Array.from({ length: 19 }, (_, i) => {
	const secret = secretKeyFromLabel(`Wormhole guardian ${i + 1}`);
	return { name: `Guardian ${i + 1}`, secret, address: ethAddress(secret) };
});
type Guardian = (typeof GUARDIANS)[number];

export type World = { bridge: string; sysvar: string };

export function openBridge(s: ScenarioContext): World {
	const sysvar = s.deploy(SYSVAR, { from: 'solana', name: 'InstructionsSysvar' });
	const bridge = s.deploy(BRIDGE, {
		from: 'deployer',
		name: 'WormholeBridge',
		args: [GUARDIANS.map((g) => g.address), sysvar]
	});
	return { bridge, sysvar };
}

/** A token-bridge transfer VAA body: ETH locked on Ethereum, wETH to mint on Solana. */
function vaaBody(sequence: number, to: string, amount: bigint): string {
	return ['vaa', 'emitter=ethereum-token-bridge', `sequence=${sequence}`, 'WETH', to, amount].join(
		'|'
	);
}

/** The guardians sign keccak256(hash), as the secp256k1 program checks it; [address, v, r, s]. */
function signatures(hash: string, signers: Guardian[]): [string, number, bigint, bigint][] {
	const digest = keccak256(hash);
	return signers.map((g) => {
		const { v, r, s } = signDigest(g.secret, digest);
		return [g.address, v, r, s];
	});
}

type Attempt = { verify: Receipt; post: Receipt; mint: Receipt; record: ApprovalRecord };

/**
 * One VAA through the bridge: the secp256k1 instruction (real, or skipped when the caller brings
 * its own account), verify_signatures with `account`, post_vaa, complete_wrapped.
 */
function submit(
	s: ScenarioContext,
	w: World,
	options: {
		from: string;
		label: string;
		body: string;
		attack: boolean;
		/** guardians whose real signatures go through the secp256k1 program */
		signers?: Guardian[];
		/** keys that are not guardians, verified by the real program */
		strangers?: { name: string; secret: Uint8Array; address: string }[];
		/** guardians the fake account claims, with no signature */
		claimed?: number[];
	}
): Attempt {
	const hash = keccak256(options.body);
	let account = w.sysvar;
	let pairs: [number, number][] = [];
	let kinds: { signer: string; kind: SignatureKind }[] = [];
	if (options.claimed) {
		const addresses = GUARDIANS.map((g) => g.address);
		account = s.deploy(FAKE, {
			from: options.from,
			name: 'FakeInstructions',
			args: [hash, addresses]
		});
		pairs = options.claimed.map((i) => [i, i]);
		kinds = options.claimed.map((i) => ({ signer: GUARDIANS[i].name, kind: 'forged' }));
	} else {
		const keys = [...(options.signers ?? []), ...(options.strangers ?? [])];
		s.send({
			from: options.from,
			to: w.sysvar,
			method: 'secp256k1Verify',
			args: [hash, signatures(hash, keys)]
		});
		// each signature names the guardian it claims to be: its own index, or for a stranger the
		// slot it stands in (stranger j claims guardian j)
		let stranger = 0;
		keys.forEach((k, sig) => {
			const guardian = GUARDIANS.findIndex((g) => g.address === k.address);
			pairs.push([guardian >= 0 ? guardian : stranger++, sig]);
			kinds.push({ signer: k.name, kind: guardian >= 0 ? 'validator' : 'outsider' });
		});
	}
	const verify = s.send({
		from: options.from,
		to: w.bridge,
		method: 'verifySignatures',
		args: [account, hash, pairs]
	});
	const counted = Number(s.view(w.bridge, 'signaturesFor', [hash]));
	const post = s.send({
		from: options.from,
		to: w.bridge,
		method: 'postVaa',
		args: [options.body]
	});
	const mint = s.send({
		from: options.from,
		to: w.bridge,
		method: 'completeWrapped',
		args: [options.body]
	});
	const record: ApprovalRecord = {
		step: s.step,
		bridge: 'Wormhole',
		withdrawal: options.label,
		attack: options.attack,
		signatures: kinds.map((k) => ({ ...k, counts: k.kind === 'validator' })),
		counted,
		required: Number(s.view(w.bridge, 'quorum')),
		setSize: GUARDIANS.length,
		paid: mint.status === 'success',
		reason:
			mint.status === 'success' ? undefined : (verify.error ?? post.error ?? mint.error)?.message
	};
	return { verify, post, mint, record };
}

const wrappedOf = (s: ScenarioContext, w: World, who: string) =>
	(s.storage(w.bridge).get('wrapped', s.address(who)) as bigint | undefined) ?? 0n;
const weth = (units: bigint) => `${(units / ETH).toLocaleString('en-US')} wETH`;
const verdict = (a: Attempt) =>
	a.mint.status === 'success' ? 'minted' : `refused (${a.record.reason ?? 'reverted'})`;

export default defineScenario<World>({
	chains: [{ id: 1, blockTime: 12, genesisTime: GENESIS }],
	*run(s) {
		s.total = 4;
		const records: ApprovalRecord[] = [];
		s.overview.approvals = records;
		const w = openBridge(s);
		s.trackBalances(['alice', 'attacker'], [s.mapAsset(w.bridge, 'wrapped', 'wETH')]);
		s.note(
			`19 guardians; your bridge needs ${String(s.view(w.bridge, 'quorum'))} of them (Wormhole: 13 of 19).`
		);
		yield 'The bridge on Solana, the instructions sysvar and 19 guardians';

		const alice = submit(s, w, {
			from: 'relayer',
			label: 'VAA 1: 2 wETH to alice',
			attack: false,
			body: vaaBody(1, s.address('alice'), 2n * ETH),
			signers: GUARDIANS.slice(0, 13)
		});
		records.push(alice.record);
		s.note(
			`Alice's VAA, 13 real guardian signatures through the secp256k1 program: ${verdict(alice)}.`
		);
		yield 'Alice bridges 2 ETH: 13 guardians sign, the secp256k1 program checks them';

		const attack = submit(s, w, {
			from: 'attacker',
			label: 'VAA 2: 120,000 wETH to the attacker',
			attack: true,
			body: vaaBody(2, s.address('attacker'), 120_000n * ETH),
			claimed: Array.from({ length: 13 }, (_, i) => i)
		});
		records.push(attack.record);
		s.note(
			`The attacker's VAA, no signature at all, its own account as the sysvar: ${verdict(attack)}.`
		);
		yield '2 February 2022: the attacker passes its own account as the instructions sysvar';

		const short = submit(s, w, {
			from: 'relayer',
			label: 'VAA 3: 1 wETH to alice, 12 signatures',
			attack: false,
			body: vaaBody(3, s.address('alice'), 1n * ETH),
			signers: GUARDIANS.slice(0, 12)
		});
		records.push(short.record);
		s.note(`A VAA with only 12 real signatures: ${verdict(short)}.`);
		yield 'A VAA with 12 guardian signatures, one short of the quorum';

		s.summary('wETH minted without a signature', weth(wrappedOf(s, w, 'attacker')), {
			reference: '0 wETH with the sysvar check; 120,000 wETH on 2 February 2022'
		});
		s.summary('wETH minted for Alice', weth(wrappedOf(s, w, 'alice')), { reference: '2 wETH' });
		return w;
	},

	checks: [
		{
			id: 'fake-sysvar-refused',
			title: 'A fake instructions account gets no signature counted',
			run(c) {
				const s = c.fresh();
				const w = openBridge(s);
				const all = Array.from({ length: 19 }, (_, i) => i);
				const a = submit(s, w, {
					from: 'mallory',
					label: 'forged',
					attack: true,
					body: vaaBody(9, s.address('mallory'), 120_000n * ETH),
					claimed: all
				});
				ensure(
					a.record.counted === 0 &&
						a.mint.status === 'reverted' &&
						wrappedOf(s, w, 'mallory') === 0n,
					`Mallory passed her own account as instructionAcc, claiming all 19 guardians verified her VAA; ` +
						`your bridge counted ${a.record.counted} guardians and ${a.mint.status === 'success' ? 'minted 120,000 wETH' : 'refused only later'}. ` +
						'verify_signatures must refuse any account but the instructions sysvar.'
				);
				return c.pass('The fake account was refused: 0 guardians counted, nothing minted.');
			}
		},
		{
			id: 'real-quorum-passes',
			title: 'A real 13-of-19 quorum mints; 12 does not',
			run(c) {
				const s = c.fresh();
				const w = openBridge(s);
				const signers = [0, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].map((i) => GUARDIANS[i]);
				const ok = submit(s, w, {
					from: 'relayer',
					label: 'ok',
					attack: false,
					body: vaaBody(4, s.address('bob'), 7n * ETH),
					signers
				});
				ensure(
					ok.mint.status === 'success' && wrappedOf(s, w, 'bob') === 7n * ETH,
					`13 of 19 guardians signed Bob's VAA for 7 wETH and the secp256k1 program checked each; ` +
						`your bridge refused (${ok.record.reason}).`
				);
				const short = submit(s, w, {
					from: 'relayer',
					label: 'short',
					attack: false,
					body: vaaBody(5, s.address('bob'), 1n * ETH),
					signers: signers.slice(0, 12)
				});
				ensure(
					short.mint.status === 'reverted',
					`Only 12 guardians signed Bob's second VAA, one short of 13, and your bridge minted it.`
				);
				return c.pass('13 real guardian signatures minted 7 wETH for Bob; 12 were refused.');
			}
		},
		{
			id: 'foreign-keys-refused',
			title: 'Real signatures by keys that are not guardians count for nothing',
			run(c) {
				const s = c.fresh();
				const w = openBridge(s);
				const strangers = Array.from({ length: 13 }, (_, i) => {
					const secret = secretKeyFromLabel(`forged guardian ${i + 1}`);
					return { name: `Forged guardian ${i + 1}`, secret, address: ethAddress(secret) };
				});
				const a = submit(s, w, {
					from: 'mallory',
					label: 'strangers',
					attack: true,
					body: vaaBody(6, s.address('mallory'), 50_000n * ETH),
					strangers
				});
				ensure(
					a.mint.status === 'reverted' && wrappedOf(s, w, 'mallory') === 0n,
					`Mallory made a guardian set of her own: 13 keys whose signatures the secp256k1 program verified. ` +
						`They are not the bridge's guardians, yet your bridge minted 50,000 wETH.`
				);
				return c.pass(
					'Signatures by a forged guardian set were verified by the program but matched no guardian.'
				);
			}
		}
	]
});
