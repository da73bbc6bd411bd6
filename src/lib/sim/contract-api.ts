/**
 * The typings of the 'chainlab' module as text, for the editor (Monaco's addExtraLib). The file is
 * an ambient `declare module 'chainlab' { ... }` block with a doc comment on every export: learners
 * see them as hover docs.
 */
import dts from './chainlab.d.ts?raw';

/** chainlab.d.ts, verbatim. */
export const CONTRACT_API_DTS: string = dts;
