// The secret that signs email links: made once (at setup, or at the first email) and kept in script properties.
import { withLock } from "./lock";

const KEY = "alur.linkSecret";

function make(): string {
  return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, "");
}

/** Makes the secret if there is none; call it while holding the lock (setup does). */
export function ensureLinkSecret(): void {
  const props = PropertiesService.getScriptProperties();
  if (!props.getProperty(KEY)) props.setProperty(KEY, make());
}

/** The secret; created under the lock if missing, so two executions never make two different ones. */
export function linkSecret(): string {
  const props = PropertiesService.getScriptProperties();
  return (
    props.getProperty(KEY) ??
    withLock(() => {
      ensureLinkSecret();
      return props.getProperty(KEY) as string;
    }, 3000)
  );
}
