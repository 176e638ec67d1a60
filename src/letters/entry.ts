// The letters module: what only setup, the document worker and occasional letter calls need, bundled apart into
// dist/Letters.html (scripts/build.mjs) and loaded on demand by src/app/letters-module.ts, so Code.js stays small.
export { ensureLetters } from "../app/templates";
export { runQueue, runQueueNow, runDocumentQueue } from "../app/doc-worker";
export { decideLeave, cutiPanel as leavePanel } from "../app/cuti";
export { issuePassword } from "../app/subdomain";
export { exportSopPage } from "../app/sop-export";
export { requestDocument, takeNumbers } from "../app/letter-calls";
