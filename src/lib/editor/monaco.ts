/**
 * Monaco for Chainlab, client only: the editor core with its standard features, TypeScript with
 * strict options, and the contract API (module 'chainlab') as an extra lib, so learners get
 * completion, hover docs and type errors. Import this module lazily (dynamic import in onMount).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import {
	ModuleKind,
	ModuleResolutionKind,
	ScriptTarget,
	typescriptDefaults
} from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { CONTRACT_API_PATH, contractApiDts } from './contract-types.ts';

export type Monaco = typeof monaco;

/** The marker owner for errors reported by Run. */
export const MARKER_OWNER = 'chainlab';

/** Lesson file path (`contracts/Pool.ts`) to its model URI (`file:///contracts/Pool.ts`). */
export const fileUri = (path: string): monaco.Uri => monaco.Uri.parse(`file:///${path}`);

let configured = false;

function configure(): void {
	if (configured) return;
	configured = true;
	self.MonacoEnvironment = {
		getWorker: (_id: string, label: string) =>
			label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()
	};
	typescriptDefaults.setCompilerOptions({
		target: ScriptTarget.ES2020,
		lib: ['es2020'],
		module: ModuleKind.ESNext,
		moduleResolution: ModuleResolutionKind.NodeJs,
		strict: true,
		noImplicitReturns: true,
		noFallthroughCasesInSwitch: true,
		useDefineForClassFields: true,
		allowNonTsExtensions: true,
		isolatedModules: true,
		noEmit: true
	});
	typescriptDefaults.setDiagnosticsOptions({
		noSemanticValidation: false,
		noSyntaxValidation: false
	});
	// every lesson file is a model, so imports between them resolve at once
	typescriptDefaults.setEagerModelSync(true);
	typescriptDefaults.addExtraLib(contractApiDts(), CONTRACT_API_PATH);
}

/** The configured Monaco API. */
export function setupMonaco(): Monaco {
	configure();
	return monaco;
}
