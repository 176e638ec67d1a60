// Fetches one case again (after a refused action or on request) and shows it.
import { showError } from "./alert";
import { call } from "./api-client";
import { t } from "./i18n";
import { nav } from "./state";

export async function reloadCase(caseId: string): Promise<void> {
  try {
    nav.showCase(await call("getCase", { caseId }));
  } catch (err) {
    showError(err, { label: t("retry"), run: () => void reloadCase(caseId) });
  }
}
