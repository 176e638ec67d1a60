// The fakes' public face: createWorld and the types tests and the local workspace use.
export { createWorld, World, type WorldOptions, type Execution, type ExecutionKind } from "./world";
export type { CounterSnapshot } from "./counter";
export type { SentMail } from "./mail";
export type { MenuRecord, MenuItem, Shown, Answer, Toast, UiLog } from "./ui";
export type { TriggerRecord } from "./triggers";
export type { LogEntry } from "./logger";
export { SERVICE_NAMES, type ServiceName, type ScriptGlobals } from "./globals";
export { Membrane, type Realm } from "./membrane";
export { FakeSpreadsheet } from "./spreadsheet";
export { FakeSheet } from "./sheet";
export { FakeRange } from "./range";
export { FakeLock, LOCK_TIMEOUT_MESSAGE } from "./lock";
export { gasError } from "./errors";
export { FakeEmbeddedChart, ChartType, type ChartSpec } from "./chart";
export { DocRecord, type DocData, DOC_MIME, FOLDER_MIME, PDF_MIME } from "./drive-record";
export type { Block, DocContent } from "./doc-model";
