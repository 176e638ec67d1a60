// The emulator's public face for tests, scripts and the local workspace: a World, the bundle on it, concurrent executions.
export * from "./fakes";
export { loadBundle, type BundleContext, type LoadOptions } from "./load-bundle";
export { runConcurrently, type ExecutionSpec, type ExecutionResult, type ConcurrencyOptions } from "./concurrency/run-concurrently";
export { ensureBuilt, DEFAULT_CODE_PATH } from "./ensure-built";
export { ROOT, DIST } from "./paths";
