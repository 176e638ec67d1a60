// English words that have no place in the panel's Bahasa Indonesia text (shared by the strings test and the browser tests).
// Loanwords the office itself writes in Indonesian (admin, email, server, sheet, spreadsheet, panel, data, status, total, Output,
// SOP, Drive, Google) are deliberately absent. Keep it growing whenever an English word slips through.
export const ENGLISH_ONLY = new Set(
  (
    "the and of to for with from by at in on into is are was were be been not yes you your this that it its " +
    "case cases step steps approve approved return returned reassign reassigned cancel cancelled reopen reason note notes " +
    "save saved open opened close closed loading load reload retry try again error errors failed failure please required " +
    "optional queue summary report done back working warning warnings continue anyway field fields edit change changes " +
    "changed character characters late due time holder new start started submit invalid must should cannot only here " +
    "more less show hide check select choose language signed sign settings history documents document link update updated " +
    "network unknown minutes minute hours hour day days month week before after next previous sent send fit size " +
    "actual page row selected waiting running finished correction correct remark anyone someone something"
  ).split(" "),
);

/** The English-only words in a text, lower-cased, in order of appearance ({placeholders} are left out). */
export function englishWordsIn(text: string): string[] {
  return (text.replace(/\{\w+\}/g, " ").match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()).filter((w) => ENGLISH_ONLY.has(w));
}

/** Words written like a strings-table key (camelCase, e.g. tabQueueShort): a key shown instead of its text. */
export function keyLikeWordsIn(text: string): string[] {
  return text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? [];
}
