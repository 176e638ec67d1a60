// Fault sweep: starting a case and the actions on a running case (npm run test:faults).
import { sweepTests } from "./run";

sweepTests(["start", "complete", "approve", "return", "reassign"]);
