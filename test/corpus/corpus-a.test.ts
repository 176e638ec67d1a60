// The bad-input corpus (test/corpus/payloads.ts, corpus.ts), part A: wrong types through every server call, malformed
// raw calls, emails rendered from people's text, letters made from templates. Each pair must hold: a clear message in
// Bahasa Indonesia or a safe value, no internals, no formula created, no script run in a page, nothing changed by a
// refusal. Figures go to build/corpus/ for npm run bench.
import { corpusTests } from "./define";

corpusTests(["panel calls: wrong types", "raw alurApi calls", "email rendering", "templates"]);
