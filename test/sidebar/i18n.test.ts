// The strings table: every key in both languages with the same placeholders, and the Bahasa Indonesia side free of English.
import { DICTS, type Key, setLang, t } from "../../sidebar/i18n";
import { englishWordsIn, keyLikeWordsIn } from "./english-words";

afterEach(() => setLang("id"));

const keys = Object.keys(DICTS.id) as Key[];
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

test("every key has a non-empty text in both languages, and no language has a key the other lacks", () => {
  expect(Object.keys(DICTS.en).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    expect({ key, id: DICTS.id[key].trim() !== "", en: DICTS.en[key].trim() !== "" }).toEqual({ key, id: true, en: true });
  }
});

test("both languages fill the same placeholders", () => {
  for (const key of keys) expect({ key, en: placeholders(DICTS.en[key]) }).toEqual({ key, en: placeholders(DICTS.id[key]) });
});

test("no Bahasa Indonesia text uses an English-only word", () => {
  const found = keys.map((key) => ({ key, words: englishWordsIn(DICTS.id[key]) })).filter((x) => x.words.length);
  expect(found).toEqual([]);
});

test("the English side is English: most keys differ from Bahasa Indonesia", () => {
  // Names and loanwords (SOP, Output, Pelaksana, Kelengkapan) are the same in both; everything else is translated.
  const same = keys.filter((key) => DICTS.id[key] === DICTS.en[key] && /[a-z]{3}/i.test(DICTS.id[key].replace(/\{\w+\}/g, "")));
  expect(same.sort()).toEqual(["kelengkapan", "lanes", "output", "sumSop", "tabSop", "chooseSop"].sort());
});

test("no text looks like a key, and t() fills every placeholder it is given", () => {
  for (const lang of ["id", "en"] as const) for (const key of keys) expect({ key, lang, words: keyLikeWordsIn(DICTS[lang][key]) }).toEqual({ key, lang, words: [] });
  expect(t("queueCount", { n: 3 })).toBe("3 kasus menunggu Anda");
  setLang("en");
  expect(t("queueCount", { n: 3 })).toBe("3 cases waiting for you");
});

test("the word check catches English in a sentence and leaves Bahasa Indonesia alone", () => {
  expect(englishWordsIn("Please check the fields")).toEqual(["please", "check", "the", "fields"]);
  expect(englishWordsIn("Periksa isian yang ditandai, lalu kirim ke {who}.")).toEqual([]);
});
