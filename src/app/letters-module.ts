// Loads the letters module (dist/Letters.html: gzipped code, see src/letters/entry.ts) the first time a call needs it.
import type * as LettersModule from "../letters/entry";

let loaded: typeof LettersModule | null = null;

export function lettersModule(): typeof LettersModule {
  if (!loaded) {
    const packed = HtmlService.createHtmlOutputFromFile("Letters").getContent().trim();
    const code = Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(packed), "application/x-gzip")).getDataAsString();
    loaded = new Function(`${code}\nreturn AlurLetters;`)() as typeof LettersModule;
  }
  return loaded;
}
