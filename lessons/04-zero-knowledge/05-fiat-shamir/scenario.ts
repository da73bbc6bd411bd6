// Alice signs with Fiat-Shamir; Mallory forges against a verifier whose hash leaves t out.
import {
	bip340AsTranscript,
	bip340PublicKey,
	challengeFiatShamir,
	challengeWeak,
	forgeWeak,
	keygen,
	modPGroup,
	randomScalar,
	secp256k1Group,
	signBip340,
	signFiatShamir,
	verify,
	verifyBip340
} from '#lib/protocols/schnorr.ts';
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { ProofRound } from '#lib/model/proof.ts';

const VERIFIER = 'contracts/SignatureVerifier.ts';
const FORGER = 'contracts/Forger.ts';
/** The group the contracts use: 256-bit p, 160-bit q (generated for Chainlab, checked here). */
const group = modPGroup(
	0xafff1b5b9cb5f94e9f7200875724c6b68f191e295cc715fa2e6853eec30972dbn,
	0xdb9413a111adabb00071e957daa5e06f60dff621n,
	0x62dc1e8ef19c994eb960f664157c0a92d56af2229d61e3619c055c111d8c4405n
);
const ALICE_X = 0x5ca1ab1e5eedn;
const alice = keygen(group, ALICE_X);
const short = (v: bigint | string) => {
	const h = typeof v === 'bigint' ? v.toString(16) : v;
	return h.length > 14 ? `${h.slice(0, 8)}...${h.slice(-4)}` : h;
};

function setup(s: ScenarioContext) {
	const verifier = s.deploy(VERIFIER, { from: 'deployer', args: [alice.y] });
	const forger = s.deploy(FORGER, { from: 'mallory' });
	return { verifier, forger };
}

/** Alice's honest signature (full Fiat-Shamir) on `message`. */
function honest(s: ScenarioContext, message: string) {
	return signFiatShamir(
		group,
		ALICE_X,
		randomScalar(group, () => s.random()),
		message
	);
}

/** True iff the weak verifier (c = H(y, m)) accepts (t, s): the reference for the forger. */
function weakAccepts(message: string, t: bigint, sig: bigint): boolean {
	return verify(group, alice.y, { t, c: challengeWeak(group, alice.y, message), s: sig });
}

export default defineScenario({
	*run(s) {
		s.total = 4;
		const { verifier, forger } = setup(s);
		const rounds: ProofRound[] = [];
		s.overview.proofs = { rounds };
		yield 'Deploy Alice’s signature verifier and Mallory’s forger';

		const m1 = 'pay bob 5';
		const sig = honest(s, m1);
		const r1 = s.send({ from: 'alice', to: verifier, method: 'accept', args: [m1, sig.t, sig.s] });
		rounds.push({
			step: s.step,
			round: 1,
			prover: 'Alice (has x)',
			commitment: `t = ${short(sig.t)}`,
			challenge: `c = H(t, y, "${m1}") = ${short(sig.c)}`,
			response: `s = ${short(sig.s)}`,
			accepted: r1.status === 'success'
		});
		yield `Alice signs "${m1}"`;

		const m2 = 'pay mallory 100';
		const [t, sf] = s.view(forger, 'forge', [alice.y, m2]) as bigint[];
		const r2 = s.send({ from: 'mallory', to: verifier, method: 'accept', args: [m2, t, sf] });
		rounds.push({
			step: s.step,
			round: 2,
			prover: 'Mallory (no x)',
			commitment: `t = ${short(t)}`,
			challenge: `c = H(y, "${m2}") = ${short(challengeWeak(group, alice.y, m2))}`,
			response: `s = ${short(sf)}`,
			accepted: r2.status === 'success',
			note: 'forged'
		});
		s.note(`The forgery was ${r2.status === 'success' ? 'ACCEPTED' : 'refused'}.`);
		yield `Mallory forges Alice's signature on "${m2}"`;

		// BIP-340: the production form, on secp256k1, through @noble/curves
		const key = 0xb1b340n;
		const msg = 'chainlab bip-340';
		const bip = signBip340(msg, key);
		const pub = bip340PublicKey(key);
		const ok = verifyBip340(bip, msg, pub);
		const { y, transcript } = bip340AsTranscript(bip, msg, pub);
		rounds.push({
			step: s.step,
			round: 3,
			prover: 'BIP-340 signer',
			commitment: `R = ${short(transcript.t)}`,
			challenge: `e = H_tag(R.x, P.x, m) = ${short(transcript.c)}`,
			response: `s = ${short(transcript.s)}`,
			accepted: ok && verify(secp256k1Group, y, transcript),
			note: 'secp256k1'
		});
		s.note(`BIP-340 signature ${bip.slice(0, 16)}... verifies: ${ok}`);
		yield 'BIP-340: the same equation on secp256k1, with R and P.x both in the hash';
		return { verifier, forger };
	},

	checks: [
		{
			id: 'forger-fools-weak',
			title: 'Your forger signs without x against the weak hash',
			run(c) {
				const s = c.fresh();
				const { forger } = setup(s);
				for (const m of ['pay mallory 100', 'transfer all', 'x']) {
					const [t, sig] = s.view(forger, 'forge', [alice.y, m]) as bigint[];
					ensure(
						typeof t === 'bigint' && typeof sig === 'bigint' && weakAccepts(m, t, sig),
						`forge(y, "${m}") returned [${String(t)}, ${String(sig)}]; the weak verifier (c = H(y, m)) refuses it. Need g^s == t * y^c with that c.`
					);
				}
				return c.pass('Three forged signatures pass the weak verifier: it never saw t.');
			}
		},
		{
			id: 'verifier-accepts-signatures',
			title: 'Your verifier accepts Alice’s signatures (c = H(t, y, m))',
			run(c) {
				const s = c.fresh();
				const { verifier } = setup(s);
				for (const m of ['pay bob 5', 'hello', '']) {
					const sig = honest(s, m);
					const want = challengeFiatShamir(group, sig.t, alice.y, m);
					const got = s.view(verifier, 'challenge', [sig.t, m]) as bigint;
					ensure(
						got === want,
						`challenge(t, "${m}") is ${short(got)}; c = keccak256(t || y || message) mod q is ${short(want)}. Hash t, then y, then the message, each number as 32 bytes.`
					);
					ensure(
						s.view(verifier, 'check', [m, sig.t, sig.s]) === true,
						`Alice's signature on "${m}" was refused.`
					);
				}
				return c.pass('Honest signatures verify with c = H(t, y, m).');
			}
		},
		{
			id: 'verifier-refuses-forgery',
			title: 'Your verifier refuses signatures made without x',
			run(c) {
				const s = c.fresh();
				const { verifier } = setup(s);
				for (const [i, m] of ['pay mallory 100', 'transfer all'].entries()) {
					const f = forgeWeak(group, alice.y, m, 1000n + BigInt(i));
					const r = s.send({
						from: 'mallory',
						to: verifier,
						method: 'accept',
						args: [m, f.t, f.s]
					});
					ensure(
						r.status === 'reverted',
						`A forgery on "${m}" (s chosen first, c = H(y, m), t = g^s * y^-c) was accepted. Put t in the hash so c depends on it.`
					);
				}
				const sig = honest(s, 'pay bob 5');
				const replay = s.view(verifier, 'check', ['pay bob 500', sig.t, sig.s]);
				ensure(
					replay === false,
					'Alice’s signature on "pay bob 5" was accepted for "pay bob 500".'
				);
				return c.pass('Forgeries and a signature moved to another message are refused.');
			}
		}
	]
});
