// Types of the sucrase modules that sucrase.ts and tokens.ts import by path: sucrase ships its
// ESM build (dist/esm) and its declarations (dist/types) in separate trees.
declare module 'sucrase/dist/esm/parser/index.js' {
	export * from 'sucrase/dist/types/parser/index';
}
declare module 'sucrase/dist/esm/parser/tokenizer/index.js' {
	export * from 'sucrase/dist/types/parser/tokenizer/index';
}
declare module 'sucrase/dist/esm/parser/tokenizer/types.js' {
	export * from 'sucrase/dist/types/parser/tokenizer/types';
}
declare module 'sucrase/dist/esm/CJSImportProcessor.js' {
	export { default } from 'sucrase/dist/types/CJSImportProcessor';
}
declare module 'sucrase/dist/esm/HelperManager.js' {
	export * from 'sucrase/dist/types/HelperManager';
}
declare module 'sucrase/dist/esm/NameManager.js' {
	export { default } from 'sucrase/dist/types/NameManager';
}
declare module 'sucrase/dist/esm/TokenProcessor.js' {
	export { default } from 'sucrase/dist/types/TokenProcessor';
}
declare module 'sucrase/dist/esm/identifyShadowedGlobals.js' {
	export { default } from 'sucrase/dist/types/identifyShadowedGlobals';
}
declare module 'sucrase/dist/esm/transformers/RootTransformer.js' {
	export { default } from 'sucrase/dist/types/transformers/RootTransformer';
}
