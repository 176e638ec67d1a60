// The hourly trigger's email jobs (reminders, late and atasan notices, morning digests) and the digest preference, bundled apart and loaded when used.
export { sendReminders } from "./reminders";
export { ownDigest, sendDigests, setOwnDigest } from "./digest";
