/**
 * A contract file's ABI as the playground's forms use it: the default-exported class's name, its
 * constructor parameters and the methods a transaction may call, each parameter with its
 * TypeScript type as written and how an argument for it is read. Plain, structured-clone-safe
 * data: the simulator worker reads it from the learner's source (scenario/abi.ts) and the page
 * draws a typed form from it.
 */

/** How an argument's text is read: from a method's TypeScript parameter type. */
export type ParamType = 'bigint' | 'number' | 'string' | 'address' | 'boolean' | 'json';

/** One parameter of a contract method. */
export type Param = {
	name: string;
	type: ParamType;
	/** its TypeScript type as written in the source (`unknown` when it has none) */
	ts: string;
};

/** A public method of a contract. */
export type AbiMethod = {
	name: string;
	params: Param[];
	/** the declared return type as written, when there is one */
	returns?: string;
};

/** What a contract file offers: its class name, constructor parameters and public methods. */
export type Abi = { className: string; constructorParams: Param[]; methods: AbiMethod[] };

/** String parameters that hold text; every other string parameter of a contract is an address. */
const TEXT_NAME =
	/^(name|label|symbol|text|message|reason|note|title|description|memo|uri|url|data|hash|tag|kind|id|key)$|(Name|Text|Label|Message|Reason|Id|Key|Hash)$/;

/**
 * How an argument for a parameter is read, from its TypeScript type text and its name. Contracts
 * pass addresses as strings, so a `string` parameter is an address unless its name says text
 * (`name`, `symbol`, `tokenId`, ...); any type but `bigint`, `number`, `boolean` and `string` is
 * read as JSON.
 */
export function paramType(ts: string, name: string): ParamType {
	const t = ts.replace(/\s+/g, '');
	if (t === 'bigint') return 'bigint';
	if (t === 'number') return 'number';
	if (t === 'boolean') return 'boolean';
	if (t === 'string') return TEXT_NAME.test(name) ? 'string' : 'address';
	return 'json';
}
