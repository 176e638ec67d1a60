// Fault sweep: Siapkan Alur on an empty spreadsheet, every 10th call (npm run test:faults).
import { sweepTests } from "./run";

sweepTests(["setup"]);
