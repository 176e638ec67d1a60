// The emulator's public face for tests, scripts and the local workspace: a World, the bundle on it, concurrent executions.
export * from "./fakes";
export { Bundle, loadBundle, loadExecution, type BundleContext, type LoadOptions, type Loaded } from "./load-bundle";
export { receiveResult, sendArguments, ScriptRunError, ILLEGAL_VALUE, CIRCULAR } from "./transport";
export { runConcurrently, type ExecutionSpec, type ExecutionResult, type ConcurrencyOptions } from "./concurrency/run-concurrently";
export { ensureBuilt, DEFAULT_CODE_PATH } from "./ensure-built";
export { ROOT, DIST } from "./paths";
export { setupAlur, ADMIN, P } from "./alur-world";
export { runUjiMandiri } from "./uji-driver";
