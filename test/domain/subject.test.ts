// Whom a finished or refused case is told about (src/domain/subject.ts): the Pemohon's email, else the case's email
// field, else the employee whose NIP the case names, else whoever recorded it.
import type { Official } from "../../src/domain/pejabat";
import type { Sop } from "../../src/domain/sop";
import { subjectOf } from "../../src/domain/subject";
import { UJI } from "./report-fixtures";

const SOP: Sop = {
  ...UJI,
  fields: [
    { key: "catatan", label: "Catatan", type: "text", required: false },
    { key: "kontak", label: "Email Pemohon", type: "email", required: false },
    { key: "kontak2", label: "Email Lain", type: "email", required: false },
  ],
};
const official = (name: string, nip: string, email: string): Official => ({ role: "jfu", name, nip, jabatan: "", pangkat: "", email, atasan: "" });
const OFFICIALS = [official("Tanpa Surel", "19800101 200501 1 001", ""), official("Budi", "19800101 200501 1 001", " Budi@Dinas.Example "), official("Ani", "1234567", "ani@dinas.example")];
const BY = "perekam@dinas.example";

describe("whom a case is about", () => {
  test("the Pemohon when an email was given for them, in lower case", () => {
    expect(subjectOf(SOP, { pemohon: "  Warga@Contoh.Example ", kontak: "lain@contoh.example" }, OFFICIALS, BY)).toBe("warga@contoh.example");
  });

  test("else the first email field of the SOP that holds an email (a text field holding one does not count)", () => {
    expect(subjectOf(SOP, { pemohon: "Pak Warga", catatan: "x@contoh.example", kontak: "bukan email", kontak2: " Kontak@Contoh.Example" }, OFFICIALS, BY)).toBe("kontak@contoh.example");
    expect(subjectOf(SOP, { catatan: "x@contoh.example" }, OFFICIALS, BY)).toBe(BY);
  });

  test("else the official whose NIP the case names (spaces and dots aside, eight digits at least, one with an email)", () => {
    expect(subjectOf(SOP, { nip: "19800101.200501.1.001" }, OFFICIALS, BY)).toBe("budi@dinas.example");
    expect(subjectOf(SOP, { nip: 12345678 }, [official("Cici", "1234 5678", "cici@dinas.example")], BY)).toBe("cici@dinas.example");
    expect(subjectOf(SOP, { nip: "1234567" }, OFFICIALS, BY)).toBe(BY);
    expect(subjectOf(SOP, { nip: "99999999" }, OFFICIALS, BY)).toBe(BY);
  });

  test("else whoever recorded the case", () => {
    expect(subjectOf(SOP, {}, OFFICIALS, BY)).toBe(BY);
    expect(subjectOf(SOP, {}, OFFICIALS, "")).toBe("");
  });
});
