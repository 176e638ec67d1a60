// The bad-input corpus, part C: cells typed by hand in every configuration sheet, then onEdit and the calls that read
// the configuration (see corpus-a.test.ts).
import { corpusTests } from "./define";

corpusTests(["configuration sheets typed by hand"]);
