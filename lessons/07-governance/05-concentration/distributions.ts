/**
 * The concentration lab's distributions.
 *
 * UNI at genesis: Uniswap, "Introducing UNI" (blog.uniswap.org, 16 September 2020): 1,000,000,000
 * UNI over four years, 60% to community members, 21.266% to team members and future employees,
 * 18.044% to investors and 0.69% to advisors. The post gives these as four buckets and does not
 * split the team, investor or advisor buckets into holders, so neither does the lesson: each
 * bucket is one "holder" here. (It does split the community's first 15%, claimable at once by
 * historical users, liquidity providers and SOCKS holders, over more than 250,000 addresses.)
 *
 * The community: 20 holders of a governance token, synthetic, chosen so that delegation moves
 * the Nakamoto coefficient of votes while no balance moves.
 */
export const UNIT = 10n ** 18n;

export const UNI_SOURCE = 'Uniswap, "Introducing UNI", 16 September 2020';

/** The post's four buckets, in UNI (whole tokens; 1,000,000,000 in all). */
export const UNI_BUCKETS: { label: string; uni: bigint }[] = [
	{ label: 'Community (60%)', uni: 600_000_000n },
	{ label: 'Team and future employees (21.266%)', uni: 212_660_000n },
	{ label: 'Investors (18.044%)', uni: 180_440_000n },
	{ label: 'Advisors (0.69%)', uni: 6_900_000n }
];

/** One member of the synthetic community; `delegateTo` is whom they delegate to in the second step. */
export type Member = { who: string; name: string; balance: bigint; delegateTo: string };

const member = (name: string, balance: number, delegateTo?: string): Member => ({
	who: name.toLowerCase(),
	name,
	balance: BigInt(balance) * 1_000n * UNIT,
	delegateTo: (delegateTo ?? name).toLowerCase()
});

/**
 * 690,000 GOV over 20 holders, listed in no particular order; the 15 smallest delegate to Ana, Ben
 * or Cleo (synthetic).
 */
export const COMMUNITY: Member[] = [
	member('Fay', 45, 'Ana'),
	member('Ana', 90),
	member('Kim', 25, 'Ben'),
	member('Dev', 60),
	member('Ben', 80),
	member('Pia', 15, 'Cleo'),
	member('Gus', 40, 'Ana'),
	member('Eli', 50),
	member('Cleo', 70),
	member('Lou', 25, 'Ben'),
	member('Hal', 35, 'Ana'),
	member('Quin', 10, 'Cleo'),
	member('Max', 20, 'Ben'),
	member('Ivy', 30, 'Ana'),
	member('Ray', 10, 'Cleo'),
	member('Ned', 20, 'Ben'),
	member('Jon', 30, 'Ana'),
	member('Sol', 10, 'Cleo'),
	member('Oz', 15, 'Ben'),
	member('Tia', 10, 'Cleo')
];

/** More than half: the votes that decide a simple-majority vote. */
export const HALF = { numerator: 1n, denominator: 2n };
export const THIRD = { numerator: 1n, denominator: 3n };
