/**
 * The scenario runtime's surface for lesson `scenario.ts` files (and the worker). Running a lesson
 * by id lives in `run-lesson.ts` (it bundles every lesson's files, so authors do not import it).
 */
export { defineScenario } from './define.ts';
export { ScenarioContext, type SendRequest, type OnChain } from './context.ts';
export { pass, fail, ensure, CheckFailure, runChecks } from './checks.ts';
export {
	runScenario,
	toFrame,
	toRunResult,
	DEFAULT_MAX_STEPS,
	type ScenarioRun,
	type RunOptions
} from './runner.ts';
export {
	relayer,
	type Relayer,
	type RelayerOptions,
	type RelayerFaults,
	type RelayedMessage,
	type Delivery,
	type FaultPick
} from './relayer.ts';
export type { LogQuery, LogRecord } from './logs.ts';
export {
	traceBridge,
	type TraceOptions,
	type TraceRoute,
	type TraceEvent,
	type TraceSupply
} from './bridge-trace.ts';
export { bucketHealth, pricePoint, HEALTH_EDGES } from './overview.ts';
export { formatUnits, parseUnits, formatValue, WAD } from './format.ts';
export { ScenarioError, toSourceError, describeSourceError } from './errors.ts';
export { syntaxErrors } from './syntax.ts';
export type * from './types.ts';
