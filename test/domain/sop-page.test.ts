// The SOP AP page as a string: escaping, one symbol per step with the right shape, decision labels, pagination.
import { ROLES } from "../../src/catalog/roles";
import { renderSopPage } from "../../src/domain/sop-page";
import { decisionSop, fixtureSop, linearSop, step } from "../fixtures/sops/sop-page-fixtures";

/** Attribute maps of every element of a tag that carries a given attribute. */
function elements(html: string, tag: string, attr: string): Array<Record<string, string>> {
  const re = new RegExp(`<${tag}\\b([^>]*\\b${attr}="[^"]*"[^>]*)>`, "g");
  return Array.from(html.matchAll(re)).map((m) => Object.fromEntries(Array.from(m[1].matchAll(/([\w-]+)="([^"]*)"/g)).map((a) => [a[1], a[2]])));
}

const symbols = (html: string) => [...elements(html, "rect", "data-step"), ...elements(html, "polygon", "data-step")];
const labelsIn = (html: string) => Array.from(html.matchAll(/<text class="lbl"[^>]*>([^<]*)<\/text>/g)).map((m) => m[1]);
const sheets = (html: string) => (html.match(/<section class="sheet"/g) ?? []).length;

describe("renderSopPage", () => {
  test("every text from the sheet is escaped: no step, header or note becomes markup", () => {
    const sop = fixtureSop(
      [
        step("1", "JFU", { text: "<script>alert(1)</script>", output: '"><img src=x onerror=alert(2)>' }),
        step("2", "<b>X</b>", { kelengkapan: ["<i>ATK</i>"], waktu: "15 & <u>" }),
      ],
      {
        title: "SOP <Uji> & Co",
        lanes: [
          { header: "JFU", role: "jfu" },
          { header: "<b>X</b>", role: "jfu" },
        ],
        notes: ["<style>body{display:none}</style>"],
        identity: { ...decisionSop.identity, dasarHukum: "<a href=javascript:alert(3)>UU</a>" },
      },
    );
    const html = renderSopPage(sop, ROLES, { officeName: "<h1>DINAS</h1>", logoSvg: '<svg onload="alert(4)"><script>alert(5)</script></svg>' });
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;X&lt;/b&gt;");
    expect(html).toContain("SOP &lt;Uji&gt; &amp; Co");
    expect(html).toContain("15 &amp; &lt;u&gt;");
    expect(html).not.toMatch(/<script|<img src=x|<style>body|<a href|<h1>|<b>X|<i>ATK|<u>/i);
    // No element anywhere carries an event handler.
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    // The logo is shown only as an image source (no script runs inside <img>).
    expect(html).toMatch(/<img class="logo" alt="" src="data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });

  test("one symbol per step, standing in its role's lane", () => {
    const html = renderSopPage(decisionSop, ROLES);
    const syms = symbols(html);
    expect(syms.map((s) => s["data-step"]).sort()).toEqual(["1", "2", "3", "4", "5"]);
    const laneIndex = (role: string) => decisionSop.lanes.findIndex((l) => l.header === role);
    for (const s of syms) {
      const st = decisionSop.steps.find((x) => x.no === s["data-step"])!;
      expect(Number(s["data-lane"])).toBe(laneIndex(st.role));
    }
    expect(elements(html, "div", "data-lane-col").map((c) => c["data-lane-col"])).toEqual(["0", "1", "2"]);
  });

  test("first and last steps are capsules, processes boxes, a decision a four-point diamond", () => {
    const html = renderSopPage(decisionSop, ROLES);
    const byStep = new Map(symbols(html).map((s) => [s["data-step"], s]));
    expect(byStep.get("1")!["data-shape"]).toBe("terminator");
    expect(byStep.get("5")!["data-shape"]).toBe("terminator");
    expect(byStep.get("2")!["data-shape"]).toBe("process");
    expect(byStep.get("4")!["data-shape"]).toBe("process");
    const diamond = byStep.get("3")!;
    expect(diamond["data-shape"]).toBe("decision");
    expect(diamond.points.trim().split(/\s+/)).toHaveLength(4);
    // Capsules are rounded to half their height; boxes barely.
    const t = byStep.get("1")!;
    expect(Number(t.rx)).toBeCloseTo(Number(t.height) / 2);
    expect(Number(byStep.get("2")!.rx)).toBeLessThan(Number(byStep.get("2")!.height) / 4);
  });

  test("a decision's exits are labelled Ya and Tidak, or with the SOP's own words", () => {
    const html = renderSopPage(decisionSop, ROLES);
    expect(labelsIn(html).sort()).toEqual(["Tidak", "Ya"]);
    const arrows = elements(html, "path", "data-from");
    expect(arrows.find((a) => a["data-kind"] === "no")).toMatchObject({ "data-from": "3", "data-to": "2" });
    expect(arrows.find((a) => a["data-kind"] === "yes")).toMatchObject({ "data-from": "3", "data-to": "4" });

    const custom = fixtureSop(decisionSop.steps.map((s) => (s.kind === "decision" ? { ...s, yesLabel: "Lengkap", noLabel: "Belum lengkap" } : s)));
    expect(labelsIn(renderSopPage(custom, ROLES)).sort()).toEqual(["Belum lengkap", "Lengkap"]);
  });

  test("consecutive steps are joined by arrows with arrowheads", () => {
    const html = renderSopPage(linearSop(4), ROLES);
    const arrows = elements(html, "path", "data-from");
    expect(arrows.map((a) => `${a["data-from"]}>${a["data-to"]}`)).toEqual(["1>2", "2>3", "3>4"]);
    for (const a of arrows) expect(a["marker-end"]).toMatch(/^url\(#ah-/);
  });

  test("a long SOP continues on further pages, with the header repeated and paired off-page connectors", () => {
    const sop = linearSop(24);
    const html = renderSopPage(sop, ROLES);
    const pages = sheets(html);
    expect(pages).toBeGreaterThanOrEqual(3);
    const tablePages = (html.match(/<div class="grid proc"/g) ?? []).length;
    expect(elements(html, "div", "data-lane-col")).toHaveLength(3 * tablePages);
    const conns = elements(html, "polygon", "data-connector");
    const outs = conns.filter((c) => c["data-connector-dir"] === "out").map((c) => c["data-connector"]);
    const ins = conns.filter((c) => c["data-connector-dir"] === "in").map((c) => c["data-connector"]);
    expect(outs.length).toBe(tablePages - 1);
    expect(ins).toEqual(outs);
    for (const c of conns) expect(c.points.trim().split(/\s+/)).toHaveLength(5);
    expect(html).toMatch(/Bersambung ke halaman 2, langkah \d+/);
    expect(html).toMatch(/Sambungan dari halaman 1, langkah \d+/);
    expect(html).toContain(`Halaman ${pages} dari ${pages}`);
  });

  test("a short SOP stays on one page without connectors", () => {
    const html = renderSopPage(linearSop(3), ROLES);
    expect(sheets(html)).toBe(1);
    expect(html).not.toContain("data-connector");
  });

  test("a return loop is not split across pages when it fits one page", () => {
    for (let k = 2; k <= 20; k++) {
      const steps = Array.from({ length: 24 }, (_, i) => step(String(i + 1), ["JFU", "KASUBBAG", "SEKRETARIS"][i % 3]));
      steps[k] = { ...steps[k], kind: "decision", yesTo: String(k + 2), noTo: String(k - 1) };
      const html = renderSopPage(fixtureSop(steps), ROLES);
      const back = elements(html, "path", "data-from").filter((a) => a["data-kind"] === "no");
      expect(back.map((a) => a["data-part"])).toEqual(["full"]);
    }
  });

  test("inferred Pelaksana are footnoted; the notes on repairs to the seed are printed only as an appendix on request", () => {
    const sop = fixtureSop([step("1", "JFU", { roleInferred: true, notes: ["Nomor langkah diperbaiki"] }), step("2", "KASUBBAG")], {
      notes: ["Tanda bagan alir hilang di seed"],
    });
    const html = renderSopPage(sop, ROLES);
    expect(html).toContain("Pelaksana disimpulkan dari uraian kegiatan");
    expect(html).not.toContain("Tanda bagan alir hilang di seed");
    expect(html).not.toContain("Nomor langkah diperbaiki");
    const appendix = renderSopPage(sop, ROLES, { repairNotes: true });
    expect(appendix).toMatch(/<div class="catatan"[^>]*><h2>Lampiran: catatan perbaikan naskah sumber \(bukan bagian SOP yang disahkan\)<\/h2>/);
    expect(appendix).toContain("Tanda bagan alir hilang di seed");
    expect(appendix).toContain("Langkah 1: Nomor langkah diperbaiki");
    expect(renderSopPage(linearSop(2), ROLES)).not.toContain("Pelaksana disimpulkan");
  });

  test("values Alur completed are marked † with a footnote, a whole added step on its number too", () => {
    const sop = fixtureSop([step("1", "JFU", { waktu: "30", output: "Instruksi", completed: ["waktu", "output"] }), step("2", "KASUBBAG", { text: "Menandatangani nota dinas", completed: ["langkah"] }), step("3", "JFU")]);
    const html = renderSopPage(sop, ROLES);
    expect(html).toContain(">30 †<");
    expect(html).toContain(">Instruksi †<");
    expect(html).toContain(">Menandatangani nota dinas †<");
    expect(html).toMatch(/>2<sup>†<\/sup>/);
    expect(html).toContain("† Dilengkapi Alur: naskah sumber kosong atau terpotong di sini; periksa sebelum disahkan.");
    expect(renderSopPage(linearSop(2), ROLES)).not.toContain("Dilengkapi Alur");
  });

  test("Disahkan oleh is a block: jabatan, room to sign, name, rank and NIP — from SOP Identitas, else the fallback, else dotted lines", () => {
    const own = linearSop(2, { identity: { ...decisionSop.identity, disahkanOleh: "KEPALA DINAS KOMINFO", pengesahNama: "Drs. Contoh", pengesahPangkat: "Pembina Utama Muda / IV-c", pengesahNip: "196801011990031001" } });
    const html = renderSopPage(own, ROLES, { signer: { jabatan: "X", nama: "Y", pangkat: "Z", nip: "1" } });
    expect(html).toMatch(/<div class="t sig"><div class="jab">KEPALA DINAS KOMINFO<\/div><div class="ttd" style="height:\d+px"><\/div><div class="nm">Drs\. Contoh<\/div><div>Pembina Utama Muda \/ IV-c<\/div><div>NIP\. 196801011990031001<\/div><\/div>/);
    const fallback = renderSopPage(linearSop(2), ROLES, { signer: { jabatan: "KEPALA DINAS", nama: "Budi", pangkat: "", nip: "19700101" } });
    expect(fallback).toMatch(/<div class="jab">KEPALA DINAS<\/div>.*<div class="nm">Budi<\/div><div>NIP\. 19700101<\/div>/);
    expect(renderSopPage(linearSop(2), ROLES)).toMatch(/<div class="nm">…+<\/div>/);
  });

  test("identity block: filled fields shown, blank ones as '-', title as Nama SOP, office name by default", () => {
    const sop = linearSop(2, { identity: { ...decisionSop.identity, nomor: "800/123/2026", dasarHukum: "Permenpan RB 35/2012" } });
    const html = renderSopPage(sop, ROLES);
    for (const label of ["Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif", "Disahkan oleh", "Nama SOP", "Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan", "Peralatan/Perlengkapan", "Peringatan", "Pencatatan dan Pendataan"]) {
      expect(html).toContain(`>${label}<`);
    }
    expect(html).toContain(">800/123/2026<");
    expect(html).toContain(">Permenpan RB 35/2012<");
    expect(html).toContain('<div class="t">-</div>');
    expect(html).toContain(">SOP Uji<");
    expect(html).toContain("PEMERINTAH KABUPATEN SIMALUNGUN");
    expect(renderSopPage(sop, ROLES, { officeName: "PEMERINTAH KOTA MEDAN" })).toContain("PEMERINTAH KOTA MEDAN");
  });

  test("procedure table: the seed's Waktu text, Kelengkapan items and the Mutu Baku headings", () => {
    const sop = fixtureSop([step("1", "JFU", { waktu: "10 - 20 Menit", kelengkapan: ["ATK", "Surat"] }), step("2", "KASUBBAG", { waktu: "2 Hari" })]);
    const html = renderSopPage(sop, ROLES);
    expect(html).toContain(">10 - 20 Menit<");
    expect(html).toContain(">2 Hari<");
    expect(html).toContain("<li>ATK</li><li>Surat</li>");
    for (const h of ["Uraian Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"]) expect(html).toContain(`>${h}<`);
  });

  test("the total standard time counts Hari with the configured working minutes", () => {
    const sop = fixtureSop([step("1", "JFU", { waktu: "1 Hari" }), step("2", "KASUBBAG", { waktu: "30" })]);
    expect(renderSopPage(sop, ROLES)).toContain("1 hari 30 menit (1 hari = 450 menit kerja)");
    expect(renderSopPage(sop, ROLES, { dayMinutes: 390 })).toContain("1 hari 30 menit (1 hari = 390 menit kerja)");
    expect(renderSopPage(fixtureSop([step("1", "JFU", { waktu: "8 Jam" })]), ROLES, { dayMinutes: 420 })).toContain("1 hari 1 jam");
  });

  test("paper and language options", () => {
    expect(renderSopPage(linearSop(2), ROLES)).toContain("@page { size: 330mm 215mm;");
    expect(renderSopPage(linearSop(2), ROLES, { paper: "A4" })).toContain("@page { size: A4 landscape;");
    const en = renderSopPage(decisionSop, ROLES, { lang: "en" });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(">Activity<");
    expect(labelsIn(en).sort()).toEqual(["No", "Yes"]);
  });

  test("a decision whose Ya ends the SOP gets its own end terminator", () => {
    const sop = fixtureSop([step("1", "JFU"), step("2", "KASUBBAG", { kind: "decision", yesTo: "selesai", noTo: "1" }), step("3", "JFU")]);
    const html = renderSopPage(sop, ROLES);
    expect(elements(html, "rect", "data-end")).toHaveLength(1);
    expect(elements(html, "path", "data-from").find((a) => a["data-to"] === "selesai")).toMatchObject({ "data-kind": "yes" });
  });

  test("the document is self-contained: no scripts, no external assets", () => {
    const html = renderSopPage(linearSop(24), ROLES);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|url\(http/i);
  });
});
