// Fault sweep: the admins' actions and a Kelengkapan tick on a running case (npm run test:faults).
import { sweepTests } from "./run";

sweepTests(["reassign", "cancel", "reopen", "tick"]);
