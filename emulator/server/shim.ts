// The stand-in for google.script.* injected into every HtmlService page the workspace serves (sidebar, dialogs, web app).

/**
 * google.script.run posts {fn, args} to /api/run and calls the success or failure handler, as Apps Script does
 * asynchronously; an argument that cannot cross (a function, a Date, a DOM node) throws as in Apps Script's page, the
 * rest goes through JSON, and the reply is what emulator/transport.ts makes of the result.
 * The parent page hears of every call so it can redraw the grid.
 */
const SHIM = `(function () {
  var who = __ALUR_WHO__;
  var parentWin = window.parent !== window ? window.parent : null;
  function tell(msg) { try { if (parentWin) parentWin.postMessage(msg, location.origin); } catch (e) {} }
  // As emulator/transport.ts: what google.script.run refuses to send throws in the page, before any request.
  function illegal(v, key, seen) {
    if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint" || v instanceof Date || (v && typeof v.nodeType === "number")) return "Failed due to illegal value in property: " + key;
    if (v && typeof v === "object") {
      if (seen.indexOf(v) >= 0) return "Failed due to circular reference.";
      seen.push(v);
      for (var k in v) { var r = illegal(v[k], k, seen); if (r) return r; }
      seen.pop();
    }
    return "";
  }
  function runner(o) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === "withSuccessHandler") return function (f) { return runner(Object.assign({}, o, { ok: f })); };
        if (name === "withFailureHandler") return function (f) { return runner(Object.assign({}, o, { fail: f })); };
        if (name === "withUserObject") return function (u) { return runner(Object.assign({}, o, { user: u, hasUser: true })); };
        if (typeof name !== "string") return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          function fail(message) {
            var e = new Error(message); e.name = "ScriptError";
            setTimeout(function () { if (o.fail) o.fail(e, o.user); else console.error(e); }, 0);
          }
          var lonelyForm = args.length === 1 && args[0] && args[0].tagName === "FORM";
          for (var i = 0; i < args.length && !lonelyForm; i++) { var refused = illegal(args[i], i, []); if (refused) throw new Error(refused); }
          fetch("/api/run", { method: "POST", headers: { "content-type": "application/json", "x-alur-tab": who.tab || "", "x-alur-as": who.as || "" }, body: JSON.stringify({ fn: name, args: args, page: __ALUR_PAGE__ }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              tell({ alur: "changed" });
              if (res.ok) { if (o.ok) o.ok(res.value, o.user); }
              else fail(res.error);
            }, function (err) { fail("NetworkError: " + err); });
        };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner({}),
    host: {
      origin: location.origin,
      close: function () { tell({ alur: "close" }); },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () { tell({ alur: "focus" }); } }
    },
    url: { getLocation: function (cb) { var p = {}, ps = {}; new URLSearchParams(location.search).forEach(function (v, k) { p[k] = p[k] || v; (ps[k] = ps[k] || []).push(v); }); cb({ hash: location.hash.slice(1), parameter: p, parameters: ps }); } },
    history: { push: function () {}, replace: function () {}, setChangeHandler: function () {} }
  };
})();`;

/** Whose page it is: the browser tab it belongs to and the person that tab acts as (every call runs as them). */
export interface Who {
  tab?: string;
  as?: string;
}

/** JSON inside a script element: "</script>" and friends cannot end it early. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

/** The page with the shim as the first script of <head> (or of the document when it has none). */
export function withShim(html: string, page: string, who: Who = {}): string {
  const tag = `<script>${SHIM.replace("__ALUR_PAGE__", JSON.stringify(page)).replace("__ALUR_WHO__", () => scriptJson(who))}</script>`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => m + tag);
  return tag + html;
}
