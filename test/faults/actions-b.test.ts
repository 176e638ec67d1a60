// Fault sweep: cancel, reopen, a Kelengkapan tick, Buat dokumen and the mail retry (npm run test:faults).
import { sweepTests } from "./run";

sweepTests(["cancel", "reopen", "tick", "document", "mail retry"]);
