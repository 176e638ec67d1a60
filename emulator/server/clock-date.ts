// Makes the script's Date follow the World clock, so `new Date()` and `Date.now()` in the bundle read simulated time.
import vm from "node:vm";

/**
 * Replaces the context's global Date with one whose "now" is the given clock. It shares the real prototype, so
 * dates it makes are ordinary dates of the script's realm and `instanceof Date` holds either way.
 */
export function installClock(ctx: vm.Context, now: () => number): void {
  const install = vm.runInContext(
    `(function (now) {
      var Real = Date;
      function Date_(a, b, c, d, e, f, g) {
        var n = arguments.length;
        if (!new.target) return new Real(now()).toString();
        if (n === 0) return new Real(now());
        if (n === 1) return new Real(a);
        return new Real(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? g : 0);
      }
      Date_.prototype = Real.prototype;
      Date_.now = function () { return now(); };
      Date_.UTC = Real.UTC;
      Date_.parse = Real.parse;
      globalThis.Date = Date_;
    })`,
    ctx,
  ) as (now: () => number) => void;
  install(now);
}
