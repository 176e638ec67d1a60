// Makes the script realm's Date follow the World's clock, so "now" in server code is the simulated time.
import vm from "node:vm";

const FACTORY = `(function (now) {
  var D = Date;
  function WorldDate() {
    if (!new.target) return new D(now()).toString();
    return arguments.length ? new (Function.prototype.bind.apply(D, [null].concat([].slice.call(arguments))))() : new D(now());
  }
  WorldDate.prototype = D.prototype;
  Object.setPrototypeOf(WorldDate, D);
  WorldDate.now = function () { return now(); };
  WorldDate.UTC = D.UTC;
  WorldDate.parse = D.parse;
  return WorldDate;
})`;

/** Compiled once: every execution's fresh context runs it. */
let factory: vm.Script | undefined;

export function installWorldDate(ctx: vm.Context, now: () => number): void {
  factory ??= new vm.Script(FACTORY);
  const make = factory.runInContext(ctx) as (n: () => number) => DateConstructor;
  Object.defineProperty(ctx, "Date", { value: make(now), writable: true, configurable: true, enumerable: false });
}
