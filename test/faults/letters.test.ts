// Fault sweep: Buat dokumen, the request under the lock and the document worker's run that makes the letter.
import { sweepTests } from "./run";

sweepTests(["document", "document worker"]);
