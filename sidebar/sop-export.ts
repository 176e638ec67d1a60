// The SOP AP page for signing: download it as a PDF (made now, kept nowhere) or have a Google Doc made in the Alur folder.
import { clearAlert, showError } from "./alert";
import { call } from "./api-client";
import { withBusy } from "./busy";
import { h } from "./dom";
import { getLang } from "./i18n";

const TEXT = {
  id: { pdf: "Unduh PDF untuk ditandatangani", doc: "Buat sebagai Google Dokumen", open: "Buka {name}", waiting: "Google Dokumen sedang dibuat di folder Alur › SOP; tekan lagi sebentar lagi untuk tautannya." },
  en: { pdf: "Download PDF for signing", doc: "Make a Google Doc", open: "Open {name}", waiting: "The Google Doc is being made in the Alur › SOP folder; press again shortly for its link." },
};
const tx = (k: keyof typeof TEXT.id, name = "") => TEXT[getLang()][k].replace("{name}", name);

export function sopExport(sopId: string): HTMLElement {
  const out = h("p", { class: "hint", id: "sop-export-out", role: "status" });
  const pdf = async (e: Event) => {
    clearAlert();
    try {
      const r = await withBusy(e.currentTarget as HTMLButtonElement, () => call("exportSopPage", { sopId, as: "pdf" }));
      const link = h("a", { href: `data:application/pdf;base64,${r.pdfBase64 ?? ""}`, download: r.name, target: "_blank", rel: "noopener" }, r.name);
      out.replaceChildren(link);
      link.click();
    } catch (err) {
      showError(err);
    }
  };
  const doc = async (e: Event) => {
    clearAlert();
    try {
      const r = await withBusy(e.currentTarget as HTMLButtonElement, () => call("exportSopPage", { sopId, as: "doc" }));
      out.replaceChildren(r.url ? h("a", { href: r.url, target: "_blank", rel: "noopener noreferrer" }, tx("open", r.name)) : "", r.pending ? ` ${tx("waiting")}` : "");
    } catch (err) {
      showError(err);
    }
  };
  return h(
    "div",
    { class: "sop-export", "data-busy-group": "" },
    h("div", { class: "buttons" }, h("button", { type: "button", id: "sop-pdf", class: "secondary small", onclick: pdf }, tx("pdf")), h("button", { type: "button", id: "sop-doc", class: "secondary small", onclick: doc }, tx("doc"))),
    out,
  );
}
