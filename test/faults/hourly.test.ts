// Fault sweep: the hourly trigger with late cases, waiting emails and new journal entries (npm run test:faults).
import { sweepTests } from "./run";

sweepTests(["hourly refresh"]);
