/**
 * The typings Monaco gets for module 'chainlab': the engine's CONTRACT_API_DTS, placed where
 * TypeScript's node resolution finds it. Works whether the text is a module file (top-level
 * exports) or an ambient `declare module 'chainlab' { ... }` block.
 */
import { CONTRACT_API_DTS } from '#lib/sim/contract-api.ts';

/** Where the contract API typings live in Monaco's virtual file system. */
export const CONTRACT_API_PATH = 'file:///node_modules/chainlab/index.d.ts';

/** .d.ts text declaring module 'chainlab', for `typescriptDefaults.addExtraLib`. */
export function contractApiDts(): string {
	return CONTRACT_API_DTS;
}
