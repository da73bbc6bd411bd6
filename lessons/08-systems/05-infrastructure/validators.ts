/**
 * The infrastructure lesson's validator set: SYNTHETIC, scaled to cited shares.
 *
 * What is cited (press, as of 3 November 2022, quoting Google Cloud engineer Sam Padilla's thread
 * of 2 November 2022, which measured Solana's validators through August 2022): about 40% of
 * Solana's validators and about 20% of its stake ran at Hetzner, and Hetzner, Equinix and AWS
 * together hosted about 65% of the stake (Decrypt, decrypt.co/113558, November 2022; BTC-Echo,
 * btc-echo.de/news/hetzner-online-server-betreiber-dreht-solana-den-hahn-zu-153754, November
 * 2022). When Hetzner cut off Solana nodes in early November 2022, more than 1,000
 * validators and about 20% of the stake went offline (SolBlaze, via the same press).
 *
 * What is synthetic: everything else. The press gives Equinix and AWS only together (45% =
 * 65% - 20%), so this set keeps them as ONE bucket, "Equinix + AWS"; the remaining 35% is spread
 * over seven made-up "Other host" providers of exactly 5% each; the validator count (50, so
 * Hetzner's 20 are 40% of nodes), the stake of each validator and every region label are made up.
 * The total stake, 300,000,000 SOL, is a round synthetic figure chosen so that every cited share
 * is exact in lamports: no rounding anywhere (20%, 45% and 5% of 3·10^17 lamports are whole, and
 * so is a third of it).
 *
 * Ethereum's cloud shares (nodes, not stake; Messari via Cointelegraph, "3 cloud providers
 * accounting for over two-thirds of Ethereum nodes: Data", 18 August 2022): more than 60% of
 * 4,653 active nodes in clouds; AWS, Hetzner and OVH hosted 69% of the cloud-hosted nodes, AWS
 * the most, Hetzner over 15% and OVH 4.1%; ethernodes.org also listed Oracle 4.1%, Alibaba 3.9%
 * and Google 3.5%. Those are node counts: the lesson quotes them and does not compute on them.
 */
import type { HostedValidator } from '#lib/protocols/infrastructure.ts';

export const LAMPORTS_PER_SOL = 1_000_000_000n;
/** Synthetic total active stake: 300,000,000 SOL. */
export const TOTAL_SOL = 300_000_000n;
export const TOTAL = TOTAL_SOL * LAMPORTS_PER_SOL;

export const HETZNER = 'Hetzner';
export const EQUINIX_AWS = 'Equinix + AWS';
export const OTHERS = [
	'Other host A',
	'Other host B',
	'Other host C',
	'Other host D',
	'Other host E',
	'Other host F',
	'Other host G'
];

/** Each provider's cited (or, for the others, synthetic) share, in percent of the stake. */
export const SHARES_PERCENT: Record<string, bigint> = {
	[HETZNER]: 20n,
	[EQUINIX_AWS]: 45n,
	...Object.fromEntries(OTHERS.map((o) => [o, 5n]))
};

/** Where the figures come from, for the view's caption. */
export const SOURCE =
	"Synthetic set scaled to Sam Padilla's August 2022 shares (press, as of 3 November 2022): Hetzner 20%, Hetzner + Equinix + AWS 65% of stake";

/**
 * `n` stakes summing exactly to `total`, unequal (weights 1, 2, 3, 1, 2, 3, ...): each gets
 * floor(total·w / Σw) and the last gets what is left, so the sum is exact.
 */
function spread(total: bigint, n: number): bigint[] {
	const weights = Array.from({ length: n }, (_, i) => BigInt((i % 3) + 1));
	const sum = weights.reduce((a, b) => a + b, 0n);
	const out = weights.map((w) => (total * w) / sum);
	out[n - 1] += total - out.reduce((a, b) => a + b, 0n);
	return out;
}

/** provider -> [validators, regions they sit in (cycled)] */
const LAYOUT: [string, number, string[]][] = [
	[HETZNER, 20, ['Falkenstein, DE', 'Nuremberg, DE', 'Helsinki, FI']],
	[EQUINIX_AWS, 12, ['Frankfurt, DE', 'Amsterdam, NL', 'Ashburn, US', 'Tokyo, JP']],
	[OTHERS[0], 3, ['Paris, FR']],
	[OTHERS[1], 3, ['Chicago, US']],
	[OTHERS[2], 3, ['London, UK']],
	[OTHERS[3], 3, ['Frankfurt, DE']],
	[OTHERS[4], 2, ['Singapore, SG']],
	[OTHERS[5], 2, ['Ashburn, US']],
	[OTHERS[6], 2, ['Amsterdam, NL']]
];

/** The 50 synthetic validators, each provider's stake exactly its share of TOTAL. */
export const VALIDATORS: HostedValidator[] = LAYOUT.flatMap(([provider, n, regions]) => {
	const stakes = spread((TOTAL * SHARES_PERCENT[provider]) / 100n, n);
	const tag = provider
		.replace(/[^A-Za-z]/g, '')
		.slice(0, 8)
		.toLowerCase();
	return stakes.map((stake, i) => ({
		id: `${tag}-${String(i + 1).padStart(2, '0')}`,
		stake,
		provider,
		region: regions[i % regions.length]
	}));
});

/** Ten providers of exactly 10% each (synthetic): how many must fail to halt? */
export const TEN_EQUAL: HostedValidator[] = Array.from({ length: 10 }, (_, i) => ({
	id: `eq-${i + 1}`,
	stake: 30_000_000n * LAMPORTS_PER_SOL,
	provider: `Host ${i + 1}`,
	region: i < 5 ? 'Europe' : 'North America'
}));
