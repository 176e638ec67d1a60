// Letters and reports on the fakes, as Alur's modules would use them: a Doc template filled and exported, a chart on Laporan, Gmail.
import { PDFDocument } from "pdf-lib";
import { createWorld, type World } from "../../emulator/fakes";
import { restore, snapshot } from "../../emulator/server/persist";
import { charts, documentHtml, documentList } from "../../emulator/server/views";

const NOW = Date.UTC(2026, 10, 30, 2);
const world = (): World => createWorld({ now: () => NOW, seed: 7, oauthScopes: null });

/** A template as an office would keep it: kop in the header, placeholders in the body, page numbers in the footer. */
function template(w: World) {
  const { DocumentApp, DriveApp } = w.globals;
  const doc = DocumentApp.create("Template Nota Dinas");
  doc.addHeader().appendParagraph("PEMERINTAH KABUPATEN CONTOH").setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  const body = doc.getBody();
  body.appendParagraph("NOTA DINAS").setHeading(DocumentApp.ParagraphHeading.HEADING1).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  body.appendParagraph("Nomor: {{nomor}}");
  body.appendParagraph("Perihal: {{perihal}}");
  body.appendParagraph("Dengan hormat, bersama ini kami sampaikan {{perihal}} untuk ditindaklanjuti.");
  doc.addFooter().appendParagraph("Alur · {{nomor}}");
  doc.saveAndClose();
  const folder = DriveApp.createFolder("Template Alur");
  DriveApp.getFileById(doc.getId()).moveTo(folder);
  return { id: doc.getId(), folder };
}

test("a letter: copy the template into the case folder, fill it, add a table, export it as PDF", async () => {
  const w = world();
  const { DocumentApp, DriveApp } = w.globals;
  const t = template(w);
  const out = DriveApp.createFolder("Surat Keluar 2026");
  const copy = DriveApp.getFileById(t.id).makeCopy("SK-2026-0001 · Nota Dinas", out);
  expect(copy.getMimeType()).toBe("application/vnd.google-apps.document");
  expect(copy.getParents().next().getName()).toBe("Surat Keluar 2026");

  const doc = DocumentApp.openById(copy.getId());
  const body = doc.getBody();
  body.replaceText("\\{\\{nomor\\}\\}", "005/77/2026");
  body.replaceText("\\{\\{perihal\\}\\}", "undangan rapat anggaran");
  doc.getFooter().replaceText("\\{\\{nomor\\}\\}", "005/77/2026");
  const table = body.appendTable([
    ["No", "Nama", "Jabatan"],
    ["1", "Budi", "Kepala Dinas"],
  ]);
  table.appendTableRow().appendTableCell("2");
  body.appendParagraph("Demikian disampaikan.");
  doc.saveAndClose();

  // The copy is filled; the template is untouched.
  expect(body.getText()).toContain("Nomor: 005/77/2026");
  expect(body.getText()).toContain("kami sampaikan undangan rapat anggaran untuk");
  expect(DocumentApp.openById(t.id).getBody().getText()).toContain("{{nomor}}");
  expect(doc.getFooter().getText()).toBe("\nAlur · 005/77/2026");
  expect(table.getNumRows()).toBe(3);
  expect(table.getCell(1, 2).getText()).toBe("Kepala Dinas");
  expect(table.getRow(2).getNumCells()).toBe(1);

  const pdf = DriveApp.getFileById(copy.getId()).getAs("application/pdf");
  expect(pdf.getContentType()).toBe("application/pdf");
  expect(pdf.getName()).toBe("SK-2026-0001 · Nota Dinas.pdf");
  expect(Buffer.from(pdf.getBytes()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const parsed = await PDFDocument.load(new Uint8Array(pdf.getBytes().map((b) => b & 255)));
  expect(parsed.getTitle()).toBe("SK-2026-0001 · Nota Dinas");
  expect(parsed.getPageCount()).toBe(1);

  // Filed beside the Doc, and listed by the workspace with the Doc (not the folders).
  const filed = out.createFile(pdf);
  expect(filed.getName()).toBe("SK-2026-0001 · Nota Dinas.pdf");
  const names: string[] = [];
  for (const it = out.getFiles(); it.hasNext(); ) names.push(it.next().getName());
  expect(names.sort()).toEqual(["SK-2026-0001 · Nota Dinas", "SK-2026-0001 · Nota Dinas.pdf"]);
  expect(documentList(w).map((d) => d.name)).toEqual(["Template Nota Dinas", "SK-2026-0001 · Nota Dinas", "SK-2026-0001 · Nota Dinas.pdf"]);

  // The workspace page shows the structure: header, heading, table cells.
  const page = documentHtml(w.documents.get(copy.getId())!);
  expect(page).toContain('<p style="text-align:center">PEMERINTAH KABUPATEN CONTOH</p></header>');
  expect(page).toContain('<h1 style="text-align:center">NOTA DINAS</h1>');
  expect(page).toContain("<td><p>Kepala Dinas</p></td>");
});

test("a closed document refuses edits; a new one starts with one empty paragraph (assumed, see the fidelity table)", () => {
  const w = world();
  const doc = w.globals.DocumentApp.create("Konsep");
  const body = doc.getBody();
  expect(body.getNumChildren()).toBe(1);
  body.appendParagraph("Isi");
  expect(body.getText()).toBe("\nIsi");
  doc.saveAndClose();
  expect(() => body.appendParagraph("lagi")).toThrow("Document is closed, its contents cannot be updated.");
  expect(w.globals.DocumentApp.openById(doc.getId()).getBody().getText()).toBe("\nIsi");
});

test("a report: a column chart on Laporan reads its range when drawn, survives modify/update and a restart", () => {
  const w = world();
  const ss = w.globals.SpreadsheetApp.getActiveSpreadsheet();
  const laporan = ss.insertSheet("Laporan");
  laporan.getRange("A1:C4").setValues([
    ["Bulan", "Selesai", "Terlambat"],
    ["Okt", 12, 3],
    ["Nov", 15, 1],
    ["Des", 9, 4],
  ]);
  const built = laporan
    .newChart()
    .asColumnChart()
    .addRange(laporan.getRange("A1:C4"))
    .setNumHeaders(1)
    .setOption("title", "Kasus per bulan")
    .setPosition(2, 6, 0, 0)
    .build();
  expect(built.getChartId()).toBeNull();
  laporan.insertChart(built);
  const [chart] = laporan.getCharts();
  expect(chart.getChartId()).toEqual(expect.any(Number));
  expect(chart.getContainerInfo().getAnchorColumn()).toBe(6);

  const view = () => charts(w.spreadsheet).find((c) => c.sheet === "Laporan")!;
  expect(view()).toEqual({
    sheet: "Laporan",
    title: "Kasus per bulan",
    type: "COLUMN",
    labels: ["Okt", "Nov", "Des"],
    series: [
      { name: "Selesai", values: [12, 15, 9] },
      { name: "Terlambat", values: [3, 1, 4] },
    ],
    // Where the workspace draws it over the grid: its anchor cell, and the workspace's own size when none is set.
    anchor: { row: 2, col: 6, offsetX: 0, offsetY: 0 },
    width: 520,
    height: 300,
    legend: "right",
  });
  laporan.getRange("B4").setValue(21);
  expect(view().series[0].values).toEqual([12, 15, 21]);

  laporan.updateChart(chart.modify().asLineChart().setOption("title", "Tren").build());
  expect(view()).toMatchObject({ type: "LINE", title: "Tren" });
  expect(laporan.getCharts()[0].getChartId()).toBe(chart.getChartId());

  // Restart: the workbook is saved as JSON and loaded into a fresh World.
  const saved = JSON.parse(JSON.stringify(snapshot(w, null)));
  const again = createWorld({ now: () => NOW, seed: 8, spreadsheetId: saved.boundId, oauthScopes: null });
  restore(again, saved);
  const reloaded = again.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Laporan")!.getCharts();
  expect(reloaded).toHaveLength(1);
  expect(reloaded[0].getRanges()[0].getA1Notation()).toBe("A1:C4");
  expect(reloaded[0].getOptions().get("title")).toBe("Tren");
  expect(charts(again.spreadsheet)).toEqual(charts(w.spreadsheet));

  // Deleting the sheet deletes its chart.
  ss.deleteSheet(laporan);
  expect(charts(w.spreadsheet)).toEqual([]);
});

test("documents, folders and their structure survive a restart; older snapshots with plain text still load", () => {
  const w = world();
  const t = template(w);
  const saved = JSON.parse(JSON.stringify(snapshot(w, null)));
  saved.documents.push({ id: "1legacyDocumentIdxxxxxxxxxxxxxxxx", name: "Lama", text: "baris 1\nbaris 2", trashed: false, mimeType: "application/vnd.google-apps.document" });
  const again = createWorld({ now: () => NOW, seed: 9, spreadsheetId: saved.boundId, oauthScopes: null });
  restore(again, saved);
  const doc = again.globals.DocumentApp.openById(t.id);
  expect(doc.getHeader().getText()).toBe("\nPEMERINTAH KABUPATEN CONTOH");
  expect(doc.getBody().getChild(1).asParagraph().getHeading()).toBe(again.globals.DocumentApp.ParagraphHeading.HEADING1);
  expect(again.globals.DriveApp.getFoldersByName("Template Alur").next().getFiles().next().getId()).toBe(t.id);
  expect(again.globals.DocumentApp.openById("1legacyDocumentIdxxxxxxxxxxxxxxxx").getBody().getParagraphs().map((p) => p.getText())).toEqual(["baris 1", "baris 2"]);
});

test("GmailApp sends a report with the PDF attached, from the script's user, on the quota MailApp uses", () => {
  const w = createWorld({ now: () => NOW, seed: 3, mailQuota: 3 });
  const { GmailApp, MailApp, DocumentApp } = w.globals;
  const doc = DocumentApp.create("Laporan November");
  doc.getBody().appendParagraph("Ringkasan");
  const sent = GmailApp.sendEmail("kadis@example.com", "Laporan", "Terlampir.", { cc: "sekdis@example.com", name: "Alur", htmlBody: "<p>Terlampir.</p>", attachments: [doc.getAs("application/pdf")] });
  expect(sent).toBe(GmailApp);
  expect(w.outbox[0]).toMatchObject({ to: ["kadis@example.com"], cc: ["sekdis@example.com"], from: w.owner, name: "Alur", via: "GmailApp", attachments: [{ name: "Laporan November.pdf", contentType: "application/pdf" }] });
  expect(MailApp.getRemainingDailyQuota()).toBe(1);
  expect(() => GmailApp.sendEmail("a@example.com", "s", "b", { from: "lain@example.com" })).toThrow("Invalid argument: lain@example.com");
});
