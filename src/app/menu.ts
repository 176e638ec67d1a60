// The Alur menu under Extensions: built without touching any other service, so it works in AuthMode.NONE.

export const MENU_ITEMS: ReadonlyArray<readonly [label: string, fn: string] | null> = [
  ["Buka panel", "showSidebar"],
  ["Kasus baru", "menuNewCase"],
  ["Antrean saya", "menuMyQueue"],
  ["Laporan", "menuReport"],
  null,
  ["Bangun ulang Laporan (admin)", "menuRebuildReport"],
  ["Monitoring SOP (admin)", "menuMonitoring"],
  ["PDF Monitoring SOP", "menuMonitoringPdf"],
  null,
  ["Siapkan Alur", "menuSetup"],
  ["Pengaturan", "menuSettings"],
  ["Periksa integritas", "menuCheckIntegrity"],
  ["Bangun ulang register dari Riwayat", "menuRebuildRegisters"],
  ["Ganti kunci tautan email", "menuRotateLinkKey"],
  ["Uji mandiri (admin)", "menuUjiMandiri"],
  ["Uji akses Drive", "menuUjiDrive"],
  null,
  ["Bantuan", "menuHelp"],
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
