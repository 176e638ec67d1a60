// Logger and console: both append to world.logs (Apps Script V8 has console; it goes to Cloud Logging).
import { formatWithOptions } from "node:util";
import { Fake, asGas } from "./fake";

export interface LogEntry {
  level: "log" | "info" | "warn" | "error";
  message: string;
  at: number;
}

export class FakeLogger extends Fake implements Pick<GoogleAppsScript.Base.Logger, "log" | "getLog" | "clear"> {
  readonly kind = "Logger";
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.world.logs.push({ level: "log", message: formatWithOptions({ depth: 4 }, String(data), ...values), at: this.world.now() });
    return asGas(this);
  }
  getLog(): string {
    return this.world.logs.map((l) => l.message).join("\n");
  }
  clear(): void {
    this.world.logs.length = 0;
  }
}

export class FakeConsole extends Fake {
  readonly kind = "console";
  private write_(level: LogEntry["level"], args: unknown[]): void {
    this.world.logs.push({ level, message: formatWithOptions({ depth: 4 }, ...args), at: this.world.now() });
  }
  log(...args: unknown[]): void {
    this.write_("log", args);
  }
  info(...args: unknown[]): void {
    this.write_("info", args);
  }
  warn(...args: unknown[]): void {
    this.write_("warn", args);
  }
  error(...args: unknown[]): void {
    this.write_("error", args);
  }
}
