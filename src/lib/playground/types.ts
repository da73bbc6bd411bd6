/**
 * The playground's shapes: a workspace (files, seed and a script of actions), the actions a
 * learner takes (deploy, send, mine), and what the playground session of the simulator worker reports back. Plain,
 * structured-clone-safe data: amounts travel as the text the learner typed.
 */
import type { Abi, ParamType } from '#lib/model/abi.ts';
import type { SourceError } from '#lib/model/errors.ts';
import type { Frame } from '#lib/model/frame.ts';
import type { RunOverview } from '#lib/model/overview.ts';
import type { TemplateId } from './workspaces.ts';

export type { Abi, AbiMethod, Param, ParamType } from '#lib/model/abi.ts';

/** An argument as the learner typed it, with the type it is read as. */
export type ArgInput = { type: ParamType; text: string };

/** One learner (or template) action; each is one step of the timeline. */
export type Action =
	| {
			kind: 'token';
			chainId: number;
			from: string;
			name: string;
			symbol: string;
			/** smallest units, as typed (`1000 ether`) */
			supply: string;
	  }
	| { kind: 'deploy'; chainId: number; from: string; file: string; args: ArgInput[] }
	| {
			kind: 'send';
			chainId: number;
			from: string;
			/** a contract name (`Vault`), an account name or an address */
			to: string;
			/** '' for a plain ETH transfer */
			method: string;
			args: ArgInput[];
			/** ETH sent with the call, as typed (`0.5`), in ether */
			value: string;
	  }
	| { kind: 'mine'; chainId: number; blocks: number };

/** The saved state of a workspace besides its files (stored as the file `workspace.json`). */
export type WorkspaceScript = { version: 1; seed: number; actions: Action[] };

/** A contract the script deployed. */
export type ContractInfo = {
	name: string;
	address: string;
	chainId: number;
	kind: 'code' | 'token';
	/** the file it came from (code only) */
	file?: string;
};

/** A run of a workspace's script, asked of the playground session. */
export type PlaygroundRequest = {
	template: TemplateId;
	/** every file of the workspace by path */
	sources: Record<string, string>;
	seed: number;
	actions: Action[];
};

/** An action that failed (a file that does not compile, an unknown name): the step says why. */
export type ActionError = { action: number; error: SourceError };

/** The script's run: its timeline, the contracts it made and the actions that failed. */
export type PlaygroundResult = {
	steps: number;
	first: Frame | null;
	last: Frame | null;
	overview: RunOverview;
	contracts: ContractInfo[];
	errors: ActionError[];
};

/** A read-only call at the step shown. */
export type ReadRequest = { chainId: number; to: string; method: string; args: ArgInput[] };

export type ReadResult = { ok: true; value: string } | { ok: false; error: SourceError };

/** The API the playground session exposes (as `playground` of the simulator worker, WorkerApi). */
export interface PlaygroundApi {
	run(request: PlaygroundRequest): Promise<PlaygroundResult>;
	goto(step: number): Promise<Frame>;
	read(request: ReadRequest): Promise<ReadResult>;
	/**
	 * The ABI of each contract file that parses, by path (null: no default-exported class); a file
	 * that does not parse is left out.
	 */
	abi(sources: Record<string, string>): Promise<Record<string, Abi | null>>;
}
