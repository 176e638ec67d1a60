// Ubah isian: only changed fields are sent, and only the errors the change brings block it.
import type { FieldView } from "../../src/api";
import { changedFields, type Correction, correctionErrors } from "../../sidebar/correction";

const fields: FieldView[] = [
  { key: "perihal", label: "Perihal", type: "text", required: true, maxLength: 300 },
  { key: "nip", label: "NIP", type: "text", required: true, maxLength: 500 },
  { key: "mulai", label: "Mulai Cuti", type: "date", required: true },
  { key: "selesai", label: "Selesai Cuti", type: "date", required: true },
  { key: "catatan", label: "Catatan", type: "longtext", required: false, maxLength: 5000 },
];
// The NIP on the case is already wrong (an old row): that is not the corrector's doing.
const fix: Correction = { fields, values: { perihal: "Cuti tahunan", nip: "123", mulai: "2026-12-14", selesai: "2026-12-18", catatan: "" }, reasonRequired: false };

test("only fields whose text changed are sent, as typed; spaces at the ends do not make a change", () => {
  expect(changedFields(fix, { ...fix.values })).toEqual({});
  expect(changedFields(fix, { ...fix.values, perihal: "Cuti tahunan " })).toEqual({});
  expect(changedFields(fix, { ...fix.values, perihal: "Cuti besar", catatan: "Lihat lampiran" })).toEqual({ perihal: "Cuti besar", catatan: "Lihat lampiran" });
  expect(changedFields(fix, { perihal: "Cuti besar" })).toEqual({ perihal: "Cuti besar" });
});

test("a changed field is checked with the server's rules and its limit; an old wrong value left alone does not block", () => {
  expect(correctionErrors(fix, { ...fix.values, perihal: "Cuti besar" })).toEqual({});
  expect(correctionErrors(fix, { ...fix.values, perihal: "" })).toEqual({ perihal: "Perihal wajib diisi." });
  expect(correctionErrors(fix, { ...fix.values, perihal: "p".repeat(301) })).toEqual({ perihal: "Perihal terlalu panjang (maksimal 300 karakter)." });
  expect(correctionErrors(fix, { ...fix.values, nip: "12" })).toEqual({ nip: "NIP harus 18 angka." });
});

test("a change that makes another field wrong marks that field (the end of leave now before its start)", () => {
  expect(correctionErrors(fix, { ...fix.values, mulai: "2026-12-20" })).toEqual({ selesai: "Selesai Cuti tidak boleh sebelum tanggal mulai." });
});
