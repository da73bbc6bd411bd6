/**
 * Sucrase's `transform` with the options transform.ts uses (typescript + imports, ES syntax
 * kept, production), opened up so that its one parse is kept: the compiler's JavaScript and the
 * tokens every scanner of learner code reads (tokens.ts) come from the same parse. It follows
 * sucrase 3.35.1 `src/index.ts` (`transform` and `getSucraseContext`) step for step; the
 * compile tests fail if an update of sucrase changes these internals.
 */
import CJSImportProcessor from 'sucrase/dist/esm/CJSImportProcessor.js';
import { HelperManager } from 'sucrase/dist/esm/HelperManager.js';
import NameManager from 'sucrase/dist/esm/NameManager.js';
import TokenProcessor from 'sucrase/dist/esm/TokenProcessor.js';
import identifyShadowedGlobals from 'sucrase/dist/esm/identifyShadowedGlobals.js';
import { parse } from 'sucrase/dist/esm/parser/index.js';
import type { Token } from 'sucrase/dist/esm/parser/tokenizer/index.js';
import RootTransformer from 'sucrase/dist/esm/transformers/RootTransformer.js';

const OPTIONS: ConstructorParameters<typeof RootTransformer>[3] = {
	transforms: ['typescript', 'imports'],
	disableESTransforms: true,
	production: true
};

/**
 * Strips the types of a TypeScript module and turns its imports into CommonJS `require`s,
 * keeping every line where it was.
 * @returns the JavaScript and the parse's tokens (types included, marked `isType`; the last is eof)
 * @throws sucrase's SyntaxError (with `loc.line`, 1-based) when the source does not parse
 */
export function stripTypes(source: string): { js: string; tokens: readonly Token[] } {
	const file = parse(source, false, true, false);
	const nameManager = new NameManager(source, file.tokens);
	const helperManager = new HelperManager(nameManager);
	const tokenProcessor = new TokenProcessor(source, file.tokens, false, true, helperManager);
	const importProcessor = new CJSImportProcessor(
		nameManager,
		tokenProcessor,
		false,
		OPTIONS,
		true,
		false,
		helperManager
	);
	importProcessor.preprocessTokens();
	identifyShadowedGlobals(tokenProcessor, file.scopes, importProcessor.getGlobalNames());
	importProcessor.pruneTypeOnlyImports();
	const context = {
		tokenProcessor,
		scopes: file.scopes,
		nameManager,
		importProcessor,
		helperManager
	};
	const js = new RootTransformer(context, OPTIONS.transforms, false, OPTIONS).transform().code;
	return { js, tokens: file.tokens };
}
