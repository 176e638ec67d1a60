// Fault sweep: Siapkan Alur on an empty spreadsheet, every 10th call (npm run test:faults); the first of two files
// taking alternate points (setup-b.test.ts the others), so the longest sweep runs on both workers.
import { sweepTests } from "./run";

sweepTests(["setup"], [0, 2]);
