// Session and User: who runs the current execution (blank for outsiders of an "execute as me" web app).
import { createHash } from "node:crypto";
import { Fake, asGas } from "./fake";
import type { World } from "./world";

export class FakeUser extends Fake implements Pick<GoogleAppsScript.Base.User, "getEmail"> {
  readonly kind = "User";
  constructor(
    world: World,
    readonly email: string,
  ) {
    super(world);
  }
  getEmail(): string {
    return this.email;
  }
}

type Methods = "getActiveUser" | "getEffectiveUser" | "getScriptTimeZone" | "getTemporaryActiveUserKey" | "getActiveUserLocale";

export class FakeSession extends Fake implements Pick<GoogleAppsScript.Base.Session, Methods> {
  readonly kind = "Session";
  getActiveUser(): GoogleAppsScript.Base.User {
    return asGas(new FakeUser(this.world, this.world.exec.user));
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return asGas(new FakeUser(this.world, this.world.exec.effectiveUser));
  }
  getScriptTimeZone(): string {
    return this.world.timeZone;
  }
  getActiveUserLocale(): string {
    return this.world.exec.locale;
  }
  /** Stable per user and script, opaque like Google's; never the email itself. */
  getTemporaryActiveUserKey(): string {
    const who = this.world.exec.user || this.world.exec.effectiveUser;
    return createHash("sha256").update(`${this.world.scriptId}:${who}`).digest("base64url").slice(0, 43);
  }
}
