// Who holds a role on a date (src/domain/pejabat.ts): a holder, or their acting official (Plt./Plh.) from the first to
// the last day of the acting period inclusive; addresses matched as people type them.
import { type Official, findOfficial, holdersOf, rolesOf } from "../../src/domain/pejabat";

const person = (role: string, email: string, name: string, acting?: Official["acting"]): Official => ({ role, name, nip: "", jabatan: "", pangkat: "", email, atasan: "", ...(acting ? { acting } : {}) });
const plh = { kind: "Plh." as const, name: "Budi", email: " Budi@Dinas.Example ", from: "2026-11-02", to: "2026-11-06" };
const OFFICIALS = [
  person("sekretaris", "Sekretaris@Dinas.example ", "Sari", plh),
  person("jfu", "jfu@dinas.example", "Joko"),
  person("jfu", "", "Tanpa Email"),
  person("kasubbag-umum", "kasubbag@dinas.example", "Kiki", { kind: "Plt.", name: "Tanpa Alamat", email: "", from: "", to: "" }),
];

describe("holders of a role", () => {
  test("the acting official replaces the holder from the first to the last day of the period, inclusive", () => {
    const acting = [{ email: "budi@dinas.example", name: "Budi", actingFor: "Plh. Sekretaris (Sari)" }];
    const holder = [{ email: "sekretaris@dinas.example", name: "Sari", actingFor: "" }];
    expect(holdersOf(OFFICIALS, "sekretaris", "2026-11-01", "Sekretaris")).toEqual(holder);
    expect(holdersOf(OFFICIALS, "sekretaris", "2026-11-02", "Sekretaris")).toEqual(acting);
    expect(holdersOf(OFFICIALS, "sekretaris", "2026-11-06", "Sekretaris")).toEqual(acting);
    expect(holdersOf(OFFICIALS, "sekretaris", "2026-11-07", "Sekretaris")).toEqual(holder);
  });

  test("an open-ended period holds before or after its one date; an acting official without an address does not replace anyone", () => {
    const from = [person("sekretaris", "s@dinas.example", "Sari", { ...plh, to: "" })];
    expect(holdersOf(from, "sekretaris", "2027-01-01", "Sekretaris")[0].email).toBe("budi@dinas.example");
    expect(holdersOf(from, "sekretaris", "2026-11-01", "Sekretaris")[0].email).toBe("s@dinas.example");
    const to = [person("sekretaris", "s@dinas.example", "Sari", { ...plh, from: "" })];
    expect(holdersOf(to, "sekretaris", "2020-01-01", "Sekretaris")[0].email).toBe("budi@dinas.example");
    expect(holdersOf(to, "sekretaris", "2026-11-07", "Sekretaris")[0].email).toBe("s@dinas.example");
    expect(holdersOf(OFFICIALS, "kasubbag-umum", "2026-11-03", "Kasubbag Umum")).toEqual([{ email: "kasubbag@dinas.example", name: "Kiki", actingFor: "" }]);
  });

  test("only the role's people with an address", () => {
    expect(holdersOf(OFFICIALS, "jfu", "2026-11-03", "JFU")).toEqual([{ email: "jfu@dinas.example", name: "Joko", actingFor: "" }]);
    expect(holdersOf(OFFICIALS, "kepala-dinas", "2026-11-03", "Kepala Dinas")).toEqual([]);
  });
});

describe("roles of a person", () => {
  test("a holder away has none of their role; the acting official has it, only within the period", () => {
    expect(rolesOf(OFFICIALS, "sekretaris@dinas.example", "2026-11-01")).toEqual(["sekretaris"]);
    expect(rolesOf(OFFICIALS, "SEKRETARIS@dinas.example", "2026-11-03")).toEqual([]);
    expect(rolesOf(OFFICIALS, "budi@dinas.example", "2026-11-03")).toEqual(["sekretaris"]);
    expect(rolesOf(OFFICIALS, "budi@dinas.example", "2026-11-07")).toEqual([]);
    expect(rolesOf(OFFICIALS, " Kasubbag@dinas.example", "2026-11-03")).toEqual(["kasubbag-umum"]);
  });

  test("someone holding two roles has both, once each", () => {
    const two = [...OFFICIALS, person("bendahara", "jfu@dinas.example", "Joko"), person("jfu", "JFU@dinas.example", "Joko lagi")];
    expect(rolesOf(two, "jfu@dinas.example", "2026-11-03").sort()).toEqual(["bendahara", "jfu"]);
  });
});

test("an official is found by address whatever its case and spaces", () => {
  expect(findOfficial(OFFICIALS, "  SEKRETARIS@dinas.example")?.name).toBe("Sari");
  expect(findOfficial(OFFICIALS, "budi@dinas.example")).toBeUndefined();
});
