// Fault sweep: starting a case and moving it on (npm run test:faults).
import { sweepTests } from "./run";

sweepTests(["start", "complete", "approve", "return"]);
