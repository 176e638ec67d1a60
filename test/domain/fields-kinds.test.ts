// Case fields by kind (src/domain/fields.ts): required, too long, dates, choices, emails, the leave dates and the NIP,
// and the warning about a letter received before its date.
import { checkFields, fieldWarnings, isEmail, isYmd, maxLengthOf } from "../../src/domain/fields";
import type { CaseField, FieldType } from "../../src/domain/sop";

const field = (key: string, type: FieldType, required = false, extra: Partial<CaseField> = {}): CaseField => ({ key, label: key.toUpperCase(), type, required, ...extra });
const one = (f: CaseField, v: unknown) => {
  const r = checkFields([f], { [f.key]: v });
  return r.ok ? { value: r.values[f.key] } : { error: r.errors[f.key] };
};

describe("limits by kind", () => {
  test("a Perihal is a line; long texts take 5000; emails 254; numbers 30; dates 10; choices 200; other text 500", () => {
    expect(maxLengthOf(field("perihal", "longtext"))).toBe(300);
    expect(maxLengthOf(field("uraian", "longtext"))).toBe(5000);
    expect(maxLengthOf(field("e", "email"))).toBe(254);
    expect(maxLengthOf(field("p", "person"))).toBe(254);
    expect(maxLengthOf(field("n", "number"))).toBe(30);
    expect(maxLengthOf(field("d", "date"))).toBe(10);
    expect(maxLengthOf(field("c", "choice"))).toBe(200);
    expect(maxLengthOf(field("t", "text"))).toBe(500);
  });

  test("past the limit the field is refused with its length; a short field's message points to Catatan", () => {
    expect(one(field("t", "text"), "a".repeat(500))).toEqual({ value: "a".repeat(500) });
    expect(one(field("t", "text"), "a".repeat(501))).toEqual({ error: "T terlalu panjang (501 karakter; paling banyak 500). Tulis uraian panjang di Catatan." });
    expect(one(field("u", "longtext"), "a".repeat(5001))).toEqual({ error: "U terlalu panjang (5001 karakter; paling banyak 5000)." });
    expect(one(field("perihal", "longtext"), "a".repeat(301))).toEqual({ error: "PERIHAL terlalu panjang (301 karakter; paling banyak 300)." });
    expect(one(field("perihal", "text"), "a".repeat(301))).toEqual({ error: "PERIHAL terlalu panjang (301 karakter; paling banyak 300). Tulis uraian panjang di Catatan." });
  });
});

describe("one field", () => {
  test("a required field must be filled; an optional one may stay empty; text is trimmed and a number typed in text is kept as text", () => {
    expect(one(field("t", "text", true), "  ")).toEqual({ error: "T wajib diisi." });
    expect(one(field("t", "text", true), null)).toEqual({ error: "T wajib diisi." });
    expect(one(field("t", "text", true), undefined)).toEqual({ error: "T wajib diisi." });
    expect(one(field("t", "text"), "")).toEqual({ value: "" });
    expect(one(field("t", "text"), "  Rapat  ")).toEqual({ value: "Rapat" });
    expect(one(field("t", "text"), 42)).toEqual({ value: "42" });
    expect(one(field("t", "text"), { x: 1 })).toEqual({ error: "T: isian tidak dikenali." });
    expect(one(field("t", "text"), true)).toEqual({ error: "T: isian tidak dikenali." });
  });

  test("a date must be a real date", () => {
    expect(one(field("d", "date"), " 2026-02-28 ")).toEqual({ value: "2026-02-28" });
    expect(one(field("d", "date"), "2026-02-29")).toEqual({ error: "D harus berupa tanggal yang benar." });
    expect(one(field("d", "date"), "28-02-2026")).toEqual({ error: "D harus berupa tanggal yang benar." });
  });

  test("a number typed as a number cell is read as it is", () => {
    expect(one(field("n", "number"), 1250)).toEqual({ value: 1250 });
    expect(one(field("n", "number"), "1.250")).toEqual({ value: 1250 });
    expect(one(field("n", "number"), "2.5")).toEqual({ error: "N: pakai koma untuk desimal (mis. 2,5); titik hanya pemisah ribuan (mis. 1.250.000)." });
    expect(one(field("n", "number"), "dua")).toEqual({ error: "N harus berupa angka." });
    expect(one(field("n", "number"), "12.500")).toEqual({ value: 12500 });
    expect(one(field("n", "number"), "2,55")).toEqual({ value: 2.55 });
    expect(one(field("n", "number"), "12.5")).toEqual({ error: "N: pakai koma untuk desimal (mis. 2,5); titik hanya pemisah ribuan (mis. 1.250.000)." });
    expect(one(field("n", "number"), "-125.000,5")).toEqual({ value: -125000.5 });
    expect(one(field("n", "number"), "1.250.000,")).toEqual({ error: "N harus berupa angka." });
    expect(one(field("n", "number"), "1.2500")).toEqual({ error: "N: pakai koma untuk desimal (mis. 2,5); titik hanya pemisah ribuan (mis. 1.250.000)." });
    for (const text of ["v2.5", "2.5x", "1.250x", "x1.250", "1,5x", "x15", "- 2"]) expect([text, one(field("n", "number"), text)]).toEqual([text, { error: "N harus berupa angka." }]);
  });

  test("a choice must be one of the list, which the message names", () => {
    const f = field("c", "choice", false, { options: ["Biasa", "Segera"] });
    expect(one(f, "Segera")).toEqual({ value: "Segera" });
    expect(one(f, "segera")).toEqual({ error: "C: pilih salah satu dari daftar (Biasa, Segera)." });
    expect(one(field("c", "choice"), "Biasa")).toEqual({ error: "C: pilih salah satu dari daftar ()." });
  });

  test("an email is checked and lower-cased; a person field is free text", () => {
    expect(one(field("e", "email"), " Ani@Dinas.Example ")).toEqual({ value: "ani@dinas.example" });
    expect(one(field("e", "email"), "ani@dinas")).toEqual({ error: "E harus berupa alamat email yang benar." });
    expect(one(field("p", "person"), "Ani Lestari")).toEqual({ value: "Ani Lestari" });
  });
});

describe("isEmail and isYmd", () => {
  test.each(["a@b.id", " a.b+c@dinas.go.id "])("%j is an email", (s) => expect(isEmail(s)).toBe(true));
  test.each(["a@b.c", "a b@c.id", "a@b@c.id", "<a@b.id>", "a@b,c.id", "@b.id", "a@.id", "a@b.id;c@d.id"])("%j is not", (s) => expect(isEmail(s)).toBe(false));
  test("real calendar dates only", () => {
    expect(isYmd("2024-02-29")).toBe(true);
    expect(isYmd("2026-12-31")).toBe(true);
    // A year before 100 is a typo for a four-digit one.
    expect(isYmd("0050-01-01")).toBe(false);
    for (const bad of ["2026-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "2026-1-01", " 2026-01-01", "2026-01-01x"]) expect([bad, isYmd(bad)]).toEqual([bad, false]);
  });
});

describe("checkFields", () => {
  const CUTI = [field("mulai", "date", true), field("selesai", "date", true, { label: "Selesai Cuti" }), field("nip", "text", true)];
  const NIP = "198001012005011001";

  test("returns every value when all are right, and one message per wrong field", () => {
    expect(checkFields(CUTI, { mulai: "2026-11-02", selesai: "2026-11-02", nip: NIP })).toEqual({ ok: true, values: { mulai: "2026-11-02", selesai: "2026-11-02", nip: NIP } });
    expect(checkFields(CUTI, { mulai: "x", selesai: "", nip: "" })).toEqual({ ok: false, errors: { mulai: "MULAI harus berupa tanggal yang benar.", selesai: "Selesai Cuti wajib diisi.", nip: "NIP wajib diisi." } });
  });

  test("a leave may not end before it starts, and the message uses the field's own label", () => {
    expect(checkFields(CUTI, { mulai: "2026-11-03", selesai: "2026-11-02", nip: NIP })).toEqual({ ok: false, errors: { selesai: "Selesai Cuti tidak boleh sebelum tanggal mulai." } });
    expect(checkFields([field("mulai", "date"), field("selesai", "text")], { mulai: "2026-11-03", selesai: "2026-11-02" })).toEqual({ ok: false, errors: { selesai: "SELESAI tidak boleh sebelum tanggal mulai." } });
    expect(checkFields([field("mulai", "date")], { mulai: "2026-11-03", selesai: "2026-11-02" }).ok).toBe(true);
    expect(checkFields(CUTI, { mulai: "", selesai: "2026-11-02", nip: NIP })).toEqual({ ok: false, errors: { mulai: "MULAI wajib diisi." } });
    expect(checkFields([field("mulai", "date"), field("selesai", "date")], { mulai: "2026-11-03", selesai: "" }).ok).toBe(true);
    // Only dates are put in order: a number (a meter reading, say) keyed mulai or selesai is not compared.
    expect(checkFields([field("mulai", "text"), field("selesai", "number")], { mulai: "10", selesai: "5" }).ok).toBe(true);
    expect(checkFields([field("mulai", "number"), field("selesai", "text")], { mulai: "10", selesai: "5" }).ok).toBe(true);
    expect(checkFields([field("mulai", "number"), field("selesai", "number")], { mulai: "10", selesai: "5" }).ok).toBe(true);
  });

  test("a NIP is 18 digits, and is only checked where the SOP has one", () => {
    expect(checkFields(CUTI, { mulai: "2026-11-02", selesai: "2026-11-02", nip: "19800101" })).toEqual({ ok: false, errors: { nip: "NIP harus 18 angka." } });
    expect(checkFields(CUTI, { mulai: "2026-11-02", selesai: "2026-11-02", nip: ` ${NIP} ` }).ok).toBe(true);
    expect(checkFields([field("nip", "text")], { nip: "" }).ok).toBe(true);
    expect(checkFields([field("nip", "text")], {}).ok).toBe(true);
    expect(checkFields([field("nip", "text")], { nip: "   " }).ok).toBe(true);
    for (const nip of [`x${NIP}`, `${NIP}0`, `${NIP.slice(1)}`]) expect(checkFields([field("nip", "text")], { nip })).toEqual({ ok: false, errors: { nip: "NIP harus 18 angka." } });
    expect(checkFields([field("mulai", "date")], { mulai: "2026-11-02", nip: "123" }).ok).toBe(true);
    expect(checkFields([field("nip", "text")], { nip: { x: 1 } })).toEqual({ ok: false, errors: { nip: "NIP: isian tidak dikenali." } });
  });
});

describe("fieldWarnings", () => {
  test("a letter received before its date is a warning to confirm, not a refusal", () => {
    const msg = "Tanggal diterima lebih awal dari tanggal surat. Periksa kembali; bila memang begitu (misalnya surat diantar sebelum diberi tanggal), lanjutkan.";
    expect(fieldWarnings({ tanggalSurat: "2026-11-03", diterimaTanggal: "2026-11-02" })).toEqual([msg]);
    expect(fieldWarnings({ tanggalSurat: "2026-11-03", diterimaTanggal: "2026-11-03" })).toEqual([]);
    expect(fieldWarnings({ tanggalSurat: "2026-11-03", diterimaTanggal: "2026-11-04" })).toEqual([]);
    expect(fieldWarnings({ tanggalSurat: "2026-11-03", diterimaTanggal: "2026-02-30" })).toEqual([]);
    expect(fieldWarnings({ tanggalSurat: "2026-13-03", diterimaTanggal: "2026-11-02" })).toEqual([]);
    expect(fieldWarnings({ tanggalSurat: 20261103, diterimaTanggal: "2026-11-02" })).toEqual([]);
    expect(fieldWarnings({ tanggalSurat: "2026-11-03", diterimaTanggal: 1 })).toEqual([]);
    expect(fieldWarnings({})).toEqual([]);
  });
});
