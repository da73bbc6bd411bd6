// Peggy proves she knows x (toy group), Mallory cheats, Carol reuses her nonce and loses her key.
import {
	commit,
	keygen,
	randomNonce,
	randomScalar,
	respond,
	secp256k1Group,
	simulateTranscript,
	toyGroup,
	verify,
	type Group,
	type Transcript
} from '#lib/protocols/schnorr.ts';
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { DistributionSet, ProofRound } from '#lib/model/proof.ts';

const VERIFIER = 'contracts/SchnorrVerifier.ts';
const EXTRACTOR = 'contracts/Extractor.ts';
const { p, q, g } = toyGroup;
/** the worked vector of the lesson: x = 3, y = 18; r = 7 gives t = 8; c = 4 gives s = 8. */
const PEGGY_X = 3n;
const CAROL_X = 9n;

function deployVerifier(s: ScenarioContext, y: bigint): string {
	return s.deploy(VERIFIER, { from: 'deployer', args: [p, q, g, y] });
}

/** One round on chain: commit t, wait a block, read c, answer with `answer(c)`. */
function round(
	s: ScenarioContext,
	verifier: string,
	who: string,
	t: bigint,
	answer: (c: bigint) => bigint
) {
	s.send({ from: who, to: verifier, method: 'commit', args: [t] });
	s.mine(1);
	const c = s.view(verifier, 'challengeOf', [s.address(who)]) as bigint;
	const sResp = answer(c);
	const r = s.send({ from: who, to: verifier, method: 'respond', args: [sResp] });
	return { t, c, s: sResp, accepted: r.status === 'success' && r.returnValue === true };
}

function histogram(values: bigint[], bins: bigint[]): number[] {
	return bins.map((b) => values.filter((v) => v === b).length);
}

export default defineScenario({
	*run(s) {
		s.total = 10;
		const peggy = keygen(toyGroup, PEGGY_X);
		const verifier = deployVerifier(s, peggy.y);
		const extractor = s.deploy(EXTRACTOR, { from: 'deployer' });
		const rounds: ProofRound[] = [];
		const distributions: DistributionSet[] = [];
		s.overview.proofs = { rounds, distributions };
		const rng = () => s.random();
		yield `Deploy the verifier: p = ${p}, q = ${q}, g = ${g}, Peggy's key y = ${peggy.y}`;

		let n = 0;
		for (let i = 1; i <= 3; i++) {
			const r = randomScalar(toyGroup, rng);
			const out = round(s, verifier, 'peggy', commit(toyGroup, r), (c) =>
				respond(toyGroup, PEGGY_X, r, c)
			);
			rounds.push({
				step: s.step,
				round: ++n,
				prover: 'Peggy (knows x)',
				commitment: `t = ${out.t}`,
				challenge: `c = ${out.c}`,
				response: `s = ${out.s}`,
				accepted: out.accepted,
				confidence: 1 - (1 / Number(q)) ** i
			});
			yield `Peggy's round ${i}: t = ${out.t}, c = ${out.c}, s = ${out.s}`;
		}

		// Mallory has no x: she guesses the challenge and builds t so that guess would pass
		let survived = 0;
		for (let i = 1; i <= 3; i++) {
			const guess = randomScalar(toyGroup, rng);
			const fake = simulateTranscript(toyGroup, peggy.y, {
				s: randomScalar(toyGroup, rng),
				c: guess
			});
			const out = round(s, verifier, 'mallory', fake.t, () => fake.s);
			if (out.accepted) survived++;
			rounds.push({
				step: s.step,
				round: ++n,
				prover: 'Mallory (guesses c)',
				commitment: `t = ${out.t}`,
				challenge: `c = ${out.c} (guessed ${guess})`,
				response: `s = ${out.s}`,
				accepted: out.accepted
			});
			yield `Mallory's round ${i}: she guessed c = ${guess}, the chain drew ${out.c}`;
		}
		s.summary('Mallory’s rounds accepted', `${survived} of 3`, {
			reference: `${(3 / Number(q)).toFixed(2)} of 3 expected (1/${q} each)`
		});

		// Carol reuses her nonce r until two challenges differ. A real nonce (never 0): with r = 0,
		// t = 1 and one transcript alone gives x = s / c; the lesson is that reuse leaks x
		const carol = keygen(toyGroup, CAROL_X);
		const carolVerifier = deployVerifier(s, carol.y);
		const r = randomNonce(toyGroup, rng);
		const seen: Transcript<bigint>[] = [];
		for (let tries = 0; tries < 12 && (seen.length < 2 || seen[0].c === seen[1].c); tries++) {
			const out = round(s, carolVerifier, 'carol', commit(toyGroup, r), (c) =>
				respond(toyGroup, CAROL_X, r, c)
			);
			seen.splice(seen.length < 2 ? seen.length : 1, 1, out);
			rounds.push({
				step: s.step,
				round: ++n,
				prover: 'Carol (same nonce)',
				commitment: `t = ${out.t}`,
				challenge: `c = ${out.c}`,
				response: `s = ${out.s}`,
				accepted: out.accepted
			});
		}
		yield `Carol answers two challenges with the same commitment t = ${seen[0].t}`;

		const [a, b] = seen;
		const x = s.view(extractor, 'extract', [a.c, a.s, b.c, b.s, q]) as bigint;
		s.note(
			`Extractor: x = ${x}; Carol's key is g^x = ${toyGroup.exp(g, x)}, her public key ${carol.y}`
		);
		s.summary('Carol’s secret, extracted', `${x}`, { reference: `${CAROL_X} (her real key)` });
		yield 'Your Extractor recovers Carol’s secret from the two transcripts';

		// HVZK: real transcripts (need x) against simulated ones (do not)
		const N = 1_100;
		const real: Transcript<bigint>[] = [];
		const sim: Transcript<bigint>[] = [];
		for (let i = 0; i < N; i++) {
			const ri = randomScalar(toyGroup, rng);
			const c = randomScalar(toyGroup, rng);
			real.push({ t: commit(toyGroup, ri), c, s: respond(toyGroup, PEGGY_X, ri, c) });
			sim.push(simulateTranscript(toyGroup, peggy.y, rng));
		}
		const elements = Array.from({ length: Number(q) }, (_, k) => toyGroup.exp(g, BigInt(k))).sort(
			(u, v) => Number(u - v)
		);
		const scalars = Array.from({ length: Number(q) }, (_, k) => BigInt(k));
		for (const [label, pick, bins] of [
			['commitment t', (tr: Transcript<bigint>) => tr.t, elements],
			['response s', (tr: Transcript<bigint>) => tr.s, scalars]
		] as const) {
			distributions.push({
				label: `${label} over ${N} transcripts`,
				bins: bins.map(String),
				series: [
					{ name: 'real (prover knows x)', counts: histogram(real.map(pick), bins) },
					{ name: 'simulated (no x)', counts: histogram(sim.map(pick), bins) }
				]
			});
		}
		const accepted = sim
			.slice(0, 20)
			.filter((tr) => s.view(verifier, 'check', [tr.t, tr.c, tr.s]) === true);
		s.note(`Your verifier accepts ${accepted.length} of 20 simulated transcripts.`);
		yield 'Real and simulated transcripts, side by side';

		const big = keygen(secp256k1Group, 0x5eed5n);
		const rBig = randomScalar(secp256k1Group, rng);
		const cBig = randomScalar(secp256k1Group, rng);
		const tr = {
			t: commit(secp256k1Group, rBig),
			c: cBig,
			s: respond(secp256k1Group, big.x, rBig, cBig)
		};
		s.note(
			`secp256k1: t = ${tr.t.slice(0, 18)}..., g^s == t * y^c: ${verify(secp256k1Group, big.y, tr)}`
		);
		yield 'The same check on secp256k1 (through @noble/curves)';
		return {
			verifier,
			extractor,
			carolX: String(CAROL_X),
			extracted: String(x),
			carol: seen.map((tr) => ({ t: String(tr.t), c: String(tr.c), s: String(tr.s) }))
		};
	},

	checks: [
		{
			id: 'check-accepts-honest',
			title: 'check accepts honest transcripts',
			run(c) {
				const s = c.fresh();
				const v = deployVerifier(s, 18n);
				ensure(
					s.view(v, 'check', [8n, 4n, 8n]) === true,
					'With y = 18, the transcript t = 8, c = 4, s = 8 is honest (4^8 = 9 = 8 * 18^4 mod 23), but check returned false.'
				);
				for (let r = 0n; r < q; r++) {
					const c2 = (r * 5n + 2n) % q;
					const sResp = respond(toyGroup, 3n, r, c2);
					const got = s.view(v, 'check', [commit(toyGroup, r), c2, sResp]);
					ensure(got === true, `Honest transcript r = ${r}, c = ${c2}, s = ${sResp} was refused.`);
				}
				return c.pass('Every honest transcript passes g^s == t * y^c.');
			}
		},
		{
			id: 'check-rejects-wrong',
			title: 'check refuses a response that does not fit',
			run(c) {
				const s = c.fresh();
				const v = deployVerifier(s, 18n);
				for (const bad of [9n, 0n, 7n]) {
					ensure(
						s.view(v, 'check', [8n, 4n, bad]) === false,
						`t = 8, c = 4 needs s = 8; check accepted s = ${bad}. Compare g^s with t * y^c mod p.`
					);
				}
				ensure(
					s.view(v, 'check', [8n, 4n, 8n + q]) === false,
					`check accepted s = ${8n + q} (= 8 + q). Responses live in [0, q): refuse s >= q.`
				);
				return c.pass('Wrong responses and out-of-range s are refused.');
			}
		},
		{
			id: 'simulator-passes',
			title: 'simulated transcripts pass your check too',
			run(c) {
				const s = c.fresh();
				const v = deployVerifier(s, 18n);
				const rng = () => s.random();
				for (let i = 0; i < 12; i++) {
					const tr = simulateTranscript(toyGroup, 18n, rng);
					ensure(
						s.view(v, 'check', [tr.t, tr.c, tr.s]) === true,
						`The simulated transcript t = ${tr.t}, c = ${tr.c}, s = ${tr.s} (t = g^s * y^-c) was refused; it is a valid transcript.`
					);
					const bad = (tr.s + 1n) % q;
					ensure(
						s.view(v, 'check', [tr.t, tr.c, bad]) === false,
						`check accepted t = ${tr.t}, c = ${tr.c} with s = ${bad}, one more than the valid s.`
					);
				}
				return c.pass('Transcripts made without x verify: the verifier cannot tell them apart.');
			}
		},
		{
			id: 'extract-secret',
			title: 'Extractor recovers x from a reused nonce',
			run(c) {
				const s = c.fresh();
				const ex = s.deploy(EXTRACTOR, { from: 'deployer' });
				const rng = () => s.random();
				const cases: [Group<unknown>, bigint][] = [
					[toyGroup as Group<unknown>, 9n],
					[secp256k1Group as Group<unknown>, 0xdeadbeefn * 7919n]
				];
				for (const [group, x] of cases) {
					const r = randomScalar(group, rng);
					const c1 = 3n;
					const c2 = 7n;
					const s1 = respond(group, x, r, c1);
					const s2 = respond(group, x, r, c2);
					const got = s.view(ex, 'extract', [c1, s1, c2, s2, group.q]) as bigint;
					ensure(
						got === x,
						`In ${group.name}, x = ${x} answered c = 3 (s = ${s1}) and c = 7 (s = ${s2}) with one nonce; extract returned ${got}.`
					);
					const swapped = s.view(ex, 'extract', [c2, s2, c1, s1, group.q]) as bigint;
					ensure(
						swapped === x,
						`With the transcripts swapped, extract returned ${swapped}; expected ${x}.`
					);
				}
				return c.pass('x = (s1 - s2) / (c1 - c2) mod q, in the toy group and on secp256k1.');
			}
		}
	]
});
