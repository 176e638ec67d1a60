// Fault sweep: the emails that waited in Antrean Email, sent by the hourly trigger (npm run test:faults).
import { sweepTests } from "./run";

sweepTests(["mail retry"]);
