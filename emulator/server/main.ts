// `npm start`: the local workspace — the built bundle on the fakes, served on loopback with a small browser UI.
import { createServer } from "node:http";
import { resolve } from "node:path";
import { loadDemo } from "../demo";
import { handler } from "./http";
import { applyEdit } from "./edit";
import { DEFAULT_TAB, OWNER, Workspace } from "./workspace";

interface Args {
  port: number;
  reset: boolean;
  data: string;
  demo: boolean;
  /** Set the workbook up (and the demo), save it, and exit without serving (the browser tests copy it). */
  prepare: boolean;
}

function args(argv: string[], root: string): Args {
  const out: Args = { port: Number(process.env.PORT) || 3000, reset: false, data: resolve(root, ".alur-data"), demo: true, prepare: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--reset") out.reset = true;
    else if (a === "--no-demo") out.demo = false;
    else if (a === "--prepare") out.prepare = true;
    else if (a === "--port") out.port = Number(argv[++i]);
    else if (a === "--data") out.data = resolve(argv[++i]);
    else if (a === "--help" || a === "-h") {
      console.log("npm start -- [--reset] [--port N] [--data FOLDER] [--no-demo] [--prepare]");
      process.exit(0);
    } else {
      console.error(`Argumen tidak dikenal: ${a}`);
      process.exit(2);
    }
  }
  if (!(out.port > 0 && out.port < 65536)) {
    console.error("Port tidak sah.");
    process.exit(2);
  }
  return out;
}

/**
 * A workbook saved by a workspace on another port (PORT=3001 npm start after a first run on 3000) still names the old
 * web app address in Pengaturan, and its email links would lead nowhere: the owner's edit moves it to this port.
 */
function followPort(ws: Workspace, port: number): void {
  const sheet = ws.world.sheet("Pengaturan");
  if (!sheet) return;
  for (let r = 1; r < sheet.grid.lastRow(); r++) {
    if (String(sheet.grid.value(r, 0) ?? "") !== "URL web app") continue;
    const url = String(sheet.grid.value(r, 1) ?? "");
    const m = /^http:\/\/localhost:(\d+)\/exec$/.exec(url);
    if (m && Number(m[1]) !== port) {
      applyEdit(ws, ws.tab(DEFAULT_TAB), OWNER, { sheet: sheet.name, row: r + 1, col: 2, values: [[ws.world.serviceUrl]] });
      ws.notices.length = 0;
    }
  }
}

function main(): void {
  // build/server.cjs lives one folder below the repository.
  const root = resolve(__dirname, "..");
  const a = args(process.argv.slice(2), root);
  const ws = new Workspace({ root, dataDir: a.data, serviceUrl: `http://localhost:${a.port}/exec`, reset: a.reset });
  if (ws.fresh) {
    const t = Date.now();
    const demo = loadDemo(ws, { cases: a.demo });
    console.log(`Buku kerja baru disiapkan${a.demo ? ` dengan data contoh: ${demo.cases} kasus` : ""} (${Date.now() - t} ms).`);
    if (demo.refused.length) console.log(`Peringatan: ${demo.refused.length} langkah data contoh ditolak Alur:\n  ${demo.refused.join("\n  ")}`);
  } else followPort(ws, a.port);
  ws.save();
  if (a.prepare) return;
  const server = createServer(handler(ws, root));
  server.on("error", (err: NodeJS.ErrnoException) => {
    console.error(err.code === "EADDRINUSE" ? `Port ${a.port} sedang dipakai. Coba PORT=3001 npm start.` : String(err));
    process.exit(1);
  });
  server.listen(a.port, "127.0.0.1", () => {
    console.log(`Alur lokal: http://localhost:${a.port}`);
    console.log(`Data: ${a.data} (mulai dari awal: npm start -- --reset)`);
  });
  const stop = () => {
    ws.save();
    server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main();
