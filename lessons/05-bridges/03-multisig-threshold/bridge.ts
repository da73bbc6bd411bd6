// The validator bridges of this lesson: keys, the gateway as Ronin and Harmony configured theirs,
// signing a withdrawal, and the signers view's record of one withdrawal.
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import type { ApprovalRecord, SignatureKind } from '#lib/model/approvals.ts';
import { ecrecover, ethAddress, secretKeyFromLabel, signDigest } from '#lib/protocols/ecdsa.ts';

export const GATEWAY = 'contracts/Gateway.ts';
export const UNIT = 10n ** 18n;

/** A named signing key (secp256k1, derived from its name: simulated, never for real funds). */
export type Key = { name: string; secret: Uint8Array; address: string };

export function key(name: string): Key {
	const secret = secretKeyFromLabel(name);
	return { name, secret, address: ethAddress(secret) };
}

/** Ronin's nine validators in March 2022: four run by Sky Mavis, Axie DAO, four partners. */
export const SKY_MAVIS = [1, 2, 3, 4].map((i) => key(`Sky Mavis ${i}`));
export const AXIE_DAO = key('Axie DAO');
export const PARTNERS = [1, 2, 3, 4].map((i) => key(`Ronin partner ${i}`));
export const RONIN_SET = [...SKY_MAVIS, AXIE_DAO, ...PARTNERS];
/** the Sky Mavis gas-free RPC key Axie DAO allow-listed in November 2021 */
export const SKY_MAVIS_RPC = key('Sky Mavis gas-free RPC');
/** the allow-list was meant to end in December 2021 (Ronin post-mortem, 27 April 2022) */
export const ALLOW_LIST_END = Date.UTC(2022, 0, 1) / 1000;
/** Harmony's Horizon wallet on Ethereum: five owners, two signatures */
export const HARMONY_SET = [1, 2, 3, 4, 5].map((i) => key(`Harmony owner ${i}`));

/** A deployed gateway, the keys that may sign for it and its tokens. */
export type Gateway = {
	name: string;
	address: string;
	tokens: Record<string, string>;
	set: Key[];
	/** delegate address -> the validator it signs for and until when */
	delegations: Map<string, { validator: string; until: number }>;
	nextId: number;
};

/**
 * A gateway with `set` as validators, `threshold` signatures, `allowList` entries
 * [validator, delegate, until] and `funds` of each token (whole units, built-in 18-decimal tokens).
 */
export function openGateway(
	s: ScenarioContext,
	name: string,
	set: Key[],
	threshold: number,
	allowList: [Key, Key, number][],
	funds: Record<string, bigint>
): Gateway {
	const entries = allowList.map(([v, d, until]) => [v.address, d.address, until]);
	const address = s.deploy(GATEWAY, {
		from: 'operator',
		name: `${name}Gateway`,
		args: [set.map((k) => k.address), threshold, entries, s.address('operator')]
	});
	const tokens: Record<string, string> = {};
	for (const [symbol, amount] of Object.entries(funds)) {
		const token = s.deployToken({ name: symbol, symbol, from: 'operator', supply: amount * UNIT });
		s.send({ from: 'operator', to: token, method: 'transfer', args: [address, amount * UNIT] });
		tokens[symbol] = token;
	}
	const delegations = new Map(
		allowList.map(([v, d, until]) => [d.address, { validator: v.address, until }])
	);
	return { name, address, tokens, set: [...set], delegations, nextId: 1 };
}

/** How one signature counts under the lesson's rules, for the signers view. */
function classify(g: Gateway, now: number, signer: string, seen: Set<string>): SignatureKind {
	const member = g.set.some((k) => k.address === signer);
	const entry = g.delegations.get(signer);
	let validator: string | null = member ? signer : null;
	if (!member && entry && g.set.some((k) => k.address === entry.validator)) {
		if (now >= entry.until) return 'stale-delegate';
		validator = entry.validator;
	}
	if (validator === null) return 'outsider';
	if (seen.has(validator)) return 'repeat';
	seen.add(validator);
	return member ? 'validator' : 'delegate';
}

/** Signatures of `keys` on withdrawal `id` of `g`, as [v, r, s]. */
export function sign(
	s: ScenarioContext,
	g: Gateway,
	id: number,
	token: string,
	to: string,
	amount: bigint,
	keys: Key[]
): [number, bigint, bigint][] {
	const digest = s.view(g.address, 'withdrawalDigest', [id, token, to, amount]) as string;
	return keys.map((k) => {
		const sig = signDigest(k.secret, digest);
		return [sig.v, sig.r, sig.s];
	});
}

/** A withdrawal sent to `g`: its receipt and the signers view's record of it. */
export function withdraw(
	s: ScenarioContext,
	g: Gateway,
	options: {
		from: string;
		to: string;
		symbol: string;
		amount: bigint;
		keys: Key[];
		attack: boolean;
		id?: number;
	}
): { receipt: Receipt; record: ApprovalRecord } {
	const id = options.id ?? g.nextId++;
	const token = g.tokens[options.symbol];
	const to = s.address(options.to);
	const amount = options.amount * UNIT;
	const signatures = sign(s, g, id, token, to, amount, options.keys);
	const digest = s.view(g.address, 'withdrawalDigest', [id, token, to, amount]) as string;
	const probe = (method: string, args: unknown[]) => {
		try {
			return Number(s.view(g.address, method, args));
		} catch {
			return null;
		}
	};
	const counted = probe('countSignatures', [digest, signatures]);
	const required = probe('requiredSignatures', []);
	const receipt = s.send({
		from: options.from,
		to: g.address,
		method: 'withdraw',
		args: [id, token, to, amount, signatures]
	});
	const now = s.time();
	const seen = new Set<string>();
	const named = new Map([...g.set, SKY_MAVIS_RPC, ...options.keys].map((k) => [k.address, k.name]));
	const record: ApprovalRecord = {
		step: s.step,
		bridge: g.name,
		withdrawal: `#${id}: ${options.amount.toLocaleString('en-US')} ${options.symbol} to ${options.to}`,
		attack: options.attack,
		signatures: signatures.map(([v, r, sv]) => {
			const signer = ecrecover(digest, v, r, sv) ?? 'nobody';
			const kind = classify(g, now, signer, seen);
			return {
				signer: named.get(signer) ?? signer,
				kind,
				counts: kind === 'validator' || kind === 'delegate'
			};
		}),
		counted,
		required,
		setSize: g.set.length,
		paid: receipt.status === 'success',
		reason: receipt.status === 'success' ? undefined : receipt.error?.message
	};
	return { receipt, record };
}

/** The operator removes `keys` from the gateway's set. */
export function removeValidators(s: ScenarioContext, g: Gateway, keys: Key[]) {
	for (const k of keys) {
		s.send({ from: 'operator', to: g.address, method: 'removeValidator', args: [k.address] });
		g.set = g.set.filter((m) => m.address !== k.address);
	}
}

/** Balance of `who` (an account name or address) in whole units of `symbol`. */
export function held(s: ScenarioContext, g: Gateway, symbol: string, who: string): bigint {
	return (s.view(g.tokens[symbol], 'balanceOf', [s.address(who)]) as bigint) / UNIT;
}

/** `who` sends itself a withdrawal signed by `keys` (an attack). */
export function attack(
	s: ScenarioContext,
	g: Gateway,
	who: string,
	symbol: string,
	amount: bigint,
	keys: Key[]
) {
	return withdraw(s, g, { from: who, to: who, symbol, amount, keys, attack: true });
}

/** The relayer brings `to` an honest withdrawal signed by `keys`. */
export function honest(
	s: ScenarioContext,
	g: Gateway,
	to: string,
	symbol: string,
	amount: bigint,
	keys: Key[]
) {
	return withdraw(s, g, { from: 'relayer', to, symbol, amount, keys, attack: false });
}
