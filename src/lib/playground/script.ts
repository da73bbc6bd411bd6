/**
 * Runs a playground workspace's script on the scenario runtime (worker side): the template's
 * chains and accounts, then every action as one step of the timeline. A failing action (a file
 * that does not compile, an unknown name) becomes a step that says why, and the script goes on;
 * reverts are ordinary receipts. The two-chain template's relayers (scenario/relayer.ts) carry
 * each `Locked` event to chain 2 and each `Burned` event back, in the same step; the lending template's oracle price feeds the price view.
 */
import type { ScenarioContext } from '#lib/scenario/context.ts';
import { ScenarioError, toSourceError } from '#lib/scenario/errors.ts';
import { relayer } from '#lib/scenario/relayer.ts';
import { runScenario, type ScenarioRun } from '#lib/scenario/runner.ts';
import type { Asset, ScenarioDefinition } from '#lib/scenario/types.ts';
import type { PricePoint } from '#lib/model/overview.ts';
import { usd8ToNumber } from '#lib/model/units.ts';
import type { PlaygroundTemplate } from './templates.ts';
import type { Action, ActionError, ArgInput, ContractInfo, PlaygroundRequest } from './types.ts';
import { InputError, parseAmount, readArg } from './values.ts';
import { templateOf } from './templates.ts';

/** What the script's run returns besides its steps. */
export type ScriptResult = { contracts: ContractInfo[]; errors: ActionError[] };

const BALANCES_MAP = /new\s+StorageMap<\s*string\s*,\s*bigint\s*>\(\s*['"]balances['"]\s*\)/;

/** Longest script accepted (steps). */
export const MAX_ACTIONS = 2000;

/** Names of deployed contracts (case-insensitive) to their records. */
export class Registry {
	readonly list: ContractInfo[] = [];
	/** names whose deploy failed in this run (lowercase) -> the failing action's index */
	readonly failed = new Map<string, number>();

	find(name: string): ContractInfo | undefined {
		const key = name.trim().toLowerCase();
		return this.list.find((c) => c.name.toLowerCase() === key);
	}

	/** The action index at which deploying `name` failed, if it did and nothing took the name since. */
	failedAt(name: string): number | undefined {
		return this.find(name) ? undefined : this.failed.get(name.trim().toLowerCase());
	}

	/** A free display name: `Vault`, then `Vault2`, `Vault3`... */
	freeName(base: string): string {
		let name = base;
		for (let n = 2; this.find(name); n++) name = `${base}${n}`;
		return name;
	}
}

/**
 * An address for what the learner typed: 0x-hex as is, a contract name, or an account name
 * (created on first use with 100 ETH).
 * @throws InputError when it is none of these
 */
export function resolveName(
	s: ScenarioContext,
	registry: Registry,
	text: string,
	chainId: number
): string {
	const t = text.trim();
	if (/^0x[0-9a-fA-F]{40}$/.test(t)) return t;
	const contract = registry.find(t);
	if (contract) return contract.address;
	// a contract whose deploy failed is not an account to create: say so instead of calling nothing
	const failed = registry.failedAt(t);
	if (failed !== undefined) {
		throw new InputError(
			`${t} does not exist: deploying it failed at step ${failed + 1}. Fix that error, then Run again`
		);
	}
	if (/^[a-z][a-z0-9_-]{0,31}$/i.test(t)) return s.address(t, chainId);
	throw new InputError(`"${t}" is not an account, a contract or an address`);
}

const args = (
	s: ScenarioContext,
	registry: Registry,
	inputs: ArgInput[],
	chainId: number,
	names: string[]
) =>
	inputs.map((input, i) =>
		readArg(input, names[i] ?? `argument ${i + 1}`, (t) => resolveName(s, registry, t, chainId))
	);

const shown = (inputs: ArgInput[]) => inputs.map((a) => a.text.trim()).join(', ');

/** Performs one action; returns the step label. */
function perform(
	s: ScenarioContext,
	template: PlaygroundTemplate,
	registry: Registry,
	action: Action
): { label: string } {
	const where = template.chains.length > 1 ? ` on chain ${action.chainId}` : '';
	if (!template.chains.some((c) => c.id === action.chainId)) {
		throw new InputError(`this workspace has no chain ${action.chainId}`);
	}
	switch (action.kind) {
		case 'token': {
			const symbol = registry.freeName(action.symbol);
			const address = s.deployToken({
				chainId: action.chainId,
				from: action.from,
				name: action.name,
				symbol,
				supply: parseAmount(action.supply)
			});
			registry.list.push({ name: symbol, address, chainId: action.chainId, kind: 'token' });
			return { label: `${action.from} creates the token ${symbol} (${action.supply})${where}` };
		}
		case 'deploy': {
			const base = action.file.split('/').at(-1)?.replace(/\.ts$/, '') ?? 'Contract';
			const name = registry.freeName(base);
			const values = args(s, registry, action.args, action.chainId, []);
			const address = s.deploy(action.file, {
				chainId: action.chainId,
				from: action.from,
				args: values,
				name
			});
			registry.list.push({
				name,
				address,
				chainId: action.chainId,
				kind: 'code',
				file: action.file
			});
			return { label: `${action.from} deploys ${name}${where}` };
		}
		case 'send': {
			const to = resolveName(s, registry, action.to, action.chainId);
			const value = action.value.trim() ? parseAmount(action.value, 'ether') : 0n;
			s.send({
				chainId: action.chainId,
				from: action.from,
				to,
				method: action.method || undefined,
				args: args(s, registry, action.args, action.chainId, []),
				value
			});
			const target = registry.find(action.to)?.name ?? action.to;
			const label = action.method
				? `${action.from} calls ${target}.${action.method}(${shown(action.args)})${where}`
				: `${action.from} sends ${action.value} ETH to ${target}${where}`;
			return { label };
		}
		case 'mine': {
			const blocks = Math.max(1, Math.min(10_000, Math.floor(action.blocks)));
			s.mine(blocks, action.chainId);
			return { label: `Mine ${blocks} ${blocks === 1 ? 'block' : 'blocks'}${where}` };
		}
	}
}

/**
 * The template's relayers as scenario relayer bots (scenario/relayer.ts): each follows its
 * contract's events from the start and delivers them in the step they were emitted in.
 */
function startRelayers(s: ScenarioContext, template: PlaygroundTemplate, registry: Registry) {
	for (const r of template.relayers ?? []) {
		relayer(s, {
			account: r.account,
			from: { ...r.from, address: () => registry.find(r.from.contract)?.address },
			to: { ...r.to, address: () => registry.find(r.to.contract)?.address },
			args: r.args
		});
	}
}

/** The scenario a workspace's script runs as. */
export function defineScript(
	template: PlaygroundTemplate,
	actions: readonly Action[]
): ScenarioDefinition<ScriptResult> {
	return {
		chains: template.chains.map((c) => ({ id: c.id, blockTime: c.blockTime })),
		maxSteps: MAX_ACTIONS + 1,
		checks: [],
		*run(s) {
			const registry = new Registry();
			const errors: ActionError[] = [];
			const prices: PricePoint[] = [];
			const track = () => {
				const assets: Asset[] = template.chains.map((c) =>
					s.native(template.chains.length > 1 ? `ETH (chain ${c.id})` : 'ETH', c.id)
				);
				for (const c of registry.list) {
					if (c.kind === 'token') assets.push(s.token(c.address, c.name, c.chainId));
					// a learner token keeps balances in a StorageMap named 'balances': show those too
					else if (BALANCES_MAP.test(s.sources[c.file ?? ''] ?? '')) {
						assets.push(s.mapAsset(c.address, 'balances', c.name, 18, c.chainId));
					}
				}
				s.trackBalances(template.accounts, assets);
			};
			// every named account exists, with its 100 ETH, on every chain from the start
			for (const c of template.chains) for (const a of template.accounts) s.address(a, c.id);
			track();
			startRelayers(s, template, registry);
			for (const [index, action] of actions.entries()) {
				let label: string;
				try {
					const done = perform(s, template, registry, action);
					label = done.label;
					if (action.kind !== 'send' && action.kind !== 'mine') track();
				} catch (thrown) {
					if (action.kind === 'deploy' || action.kind === 'token') {
						const name =
							action.kind === 'token'
								? action.symbol
								: (action.file.split('/').at(-1)?.replace(/\.ts$/, '') ?? 'Contract');
						registry.failed.set(registry.freeName(name).toLowerCase(), index);
					}
					const error =
						thrown instanceof InputError
							? { kind: 'runtime' as const, message: thrown.message }
							: toSourceError(thrown);
					errors.push({ action: index, error });
					s.note(
						`This step failed: ${thrown instanceof ScenarioError ? thrown.message : error.message}`
					);
					label = `Failed: ${action.kind === 'mine' ? 'mining' : action.kind === 'send' ? `${action.from}'s transaction` : `deploying ${action.kind === 'deploy' ? action.file : action.symbol}`}`;
				}
				const oracle = template.oracle && registry.find(template.oracle.contract);
				if (oracle) {
					try {
						const price = s.view(oracle.address, 'price', [], oracle.chainId) as bigint;
						prices.push({ step: s.step, time: s.time(), price: usd8ToNumber(price) });
					} catch {
						// no price yet
					}
				}
				yield label;
			}
			if (actions.length === 0) yield 'A new, empty chain';
			if (template.oracle && prices.length > 0) {
				s.overview.prices = {
					symbol: template.oracle.symbol,
					synthetic: true,
					source: `the playground's ${template.oracle.contract} contract (set by its feeder)`,
					points: prices
				};
			}
			return { contracts: registry.list, errors };
		}
	};
}

/** Runs a workspace's script from a fresh world. Never throws for learner input. */
export function runScript(request: PlaygroundRequest): ScenarioRun<ScriptResult> {
	const template = templateOf(request.template);
	if (!template) throw new Error(`there is no playground template "${request.template}"`);
	const actions = request.actions.slice(0, MAX_ACTIONS);
	return runScenario(defineScript(template, actions), {
		sources: request.sources,
		seed: request.seed
	});
}
