// Thin additions the workspace needs from the fakes while they are still growing: each applies only if the fakes lack it.
import { gunzipSync, gzipSync } from "node:zlib";
import { FakeBlob } from "../fakes/blob";
import { FakeUtilities } from "../fakes/utilities";

type Proto = Record<string, unknown>;

/** Adds a method to a fake's prototype unless the fakes already define it (theirs wins). */
function provide(proto: Proto, name: string, fn: (...args: never[]) => unknown): void {
  if (typeof proto[name] !== "function") proto[name] = fn;
}

export function extendFakes(): void {
  const utilities = FakeUtilities.prototype as unknown as Proto;
  // The bundle carries its catalog gzipped and decodes it with Utilities.ungzip on first use.
  provide(utilities, "ungzip", function (this: FakeUtilities, blob: FakeBlob) {
    return new FakeBlob(this.world, gunzipSync(blob.data), null, null);
  });
  provide(utilities, "gzip", function (this: FakeUtilities, blob: FakeBlob, name?: string) {
    return new FakeBlob(this.world, gzipSync(blob.data), "application/x-gzip", name ?? `${blob.name ?? "archive"}.gz`);
  });
}
