// The bad-input corpus, part B: text, forged IDs, bad dates and unknown choices in every field of every server call,
// and the web app's pages and button with forged links, case IDs and tokens (see corpus-a.test.ts).
import { corpusTests } from "./define";

corpusTests(["panel calls: text, IDs, dates, choices", "web app pages and its button"]);
