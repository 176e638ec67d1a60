// Installable triggers: the builders ScriptApp.newTrigger returns and the Trigger objects, recorded in world.triggers.
import { gasError } from "./errors";
import { Fake, asGas } from "./fake";
import type { FakeSpreadsheet } from "./spreadsheet";
import type { World } from "./world";

export const MAX_TRIGGERS_PER_USER = 20;

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE" | "ON_FORM_SUBMIT";
  source: "CLOCK" | "SPREADSHEETS";
  sourceId: string | null;
  owner: string;
  schedule: Record<string, unknown>;
}

export class FakeTrigger extends Fake implements Pick<GoogleAppsScript.Script.Trigger, "getHandlerFunction" | "getUniqueId" | "getEventType" | "getTriggerSource" | "getTriggerSourceId"> {
  readonly kind = "Trigger";
  constructor(
    world: World,
    readonly record: TriggerRecord,
  ) {
    super(world);
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getUniqueId(): string {
    return this.record.id;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this.record.sourceId as string;
  }
}

function create(world: World, partial: Omit<TriggerRecord, "id" | "owner">): GoogleAppsScript.Script.Trigger {
  const owner = world.exec.effectiveUser;
  if (world.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
    throw gasError("This script has too many triggers. Triggers must be deleted from the script before more can be added.");
  }
  const record: TriggerRecord = { ...partial, id: String(Math.floor(world.random() * 9e15) + 1e15), owner };
  world.triggers.push(record);
  return asGas(new FakeTrigger(world, record));
}

type ClockMethods = "after" | "at" | "atHour" | "nearMinute" | "everyMinutes" | "everyHours" | "everyDays" | "everyWeeks" | "onWeekDay" | "inTimezone" | "create";
type GClock = GoogleAppsScript.Script.ClockTriggerBuilder;

export class FakeClockTriggerBuilder extends Fake implements Pick<GClock, ClockMethods> {
  readonly kind = "ClockTriggerBuilder";
  private readonly schedule: Record<string, unknown> = {};
  constructor(
    world: World,
    readonly handler: string,
  ) {
    super(world);
  }
  private set_(key: string, value: unknown): GClock {
    this.schedule[key] = value;
    return asGas(this);
  }
  after(durationMilliseconds: number): GClock {
    return this.set_("after", durationMilliseconds);
  }
  at(date: Date): GClock {
    return this.set_("at", new Date(date.getTime()));
  }
  atHour(hour: number): GClock {
    if (!(hour >= 0 && hour <= 23)) throw gasError("Hour must be between 0 and 23.");
    return this.set_("atHour", hour);
  }
  nearMinute(minute: number): GClock {
    return this.set_("nearMinute", minute);
  }
  everyMinutes(n: number): GClock {
    if (![1, 5, 10, 15, 30].includes(n)) throw gasError("The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.");
    return this.set_("everyMinutes", n);
  }
  everyHours(n: number): GClock {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw gasError("The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.");
    return this.set_("everyHours", n);
  }
  everyDays(n: number): GClock {
    return this.set_("everyDays", n);
  }
  everyWeeks(n: number): GClock {
    return this.set_("everyWeeks", n);
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): GClock {
    return this.set_("weekDay", String(day));
  }
  inTimezone(timezone: string): GClock {
    return this.set_("timezone", timezone);
  }
  create(): GoogleAppsScript.Script.Trigger {
    return create(this.world, { handler: this.handler, eventType: "CLOCK", source: "CLOCK", sourceId: null, schedule: { ...this.schedule } });
  }
}

type GSheetBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export class FakeSpreadsheetTriggerBuilder extends Fake implements Pick<GSheetBuilder, "onEdit" | "onOpen" | "onChange" | "onFormSubmit" | "create"> {
  readonly kind = "SpreadsheetTriggerBuilder";
  private eventType: TriggerRecord["eventType"] | null = null;
  constructor(
    world: World,
    readonly handler: string,
    readonly spreadsheetId: string,
  ) {
    super(world);
  }
  private on_(type: TriggerRecord["eventType"]): GSheetBuilder {
    this.eventType = type;
    return asGas(this);
  }
  onEdit(): GSheetBuilder {
    return this.on_("ON_EDIT");
  }
  onOpen(): GSheetBuilder {
    return this.on_("ON_OPEN");
  }
  onChange(): GSheetBuilder {
    return this.on_("ON_CHANGE");
  }
  onFormSubmit(): GSheetBuilder {
    return this.on_("ON_FORM_SUBMIT");
  }
  create(): GoogleAppsScript.Script.Trigger {
    if (!this.eventType) throw gasError("Missing event type for the trigger.");
    return create(this.world, { handler: this.handler, eventType: this.eventType, source: "SPREADSHEETS", sourceId: this.spreadsheetId, schedule: {} });
  }
}

export class FakeTriggerBuilder extends Fake implements Pick<GoogleAppsScript.Script.TriggerBuilder, "timeBased" | "forSpreadsheet"> {
  readonly kind = "TriggerBuilder";
  constructor(
    world: World,
    readonly handler: string,
  ) {
    super(world);
  }
  timeBased(): GClock {
    return asGas(new FakeClockTriggerBuilder(this.world, this.handler));
  }
  forSpreadsheet(sheet: string | GoogleAppsScript.Spreadsheet.Spreadsheet): GSheetBuilder {
    const id = typeof sheet === "string" ? sheet : (sheet as unknown as FakeSpreadsheet).id;
    return asGas(new FakeSpreadsheetTriggerBuilder(this.world, this.handler, id));
  }
}
