// Sidebar client entry.
const app = document.getElementById("app");
if (app) app.textContent = "Alur";
export {};
