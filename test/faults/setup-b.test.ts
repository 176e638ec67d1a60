// Fault sweep: Siapkan Alur on an empty spreadsheet, every 10th call (npm run test:faults); the second of two files
// taking alternate points (setup-a.test.ts the others).
import { sweepTests } from "./run";

sweepTests(["setup"], [1, 2]);
