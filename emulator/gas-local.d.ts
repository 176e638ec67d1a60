// Types for gas-local (it ships none): require(folder, globals, { filter }) loads a folder's .js files into one vm context.
declare module "gas-local" {
  export function require(folderPath: string, globalObject?: object, options?: { filter?: (path: string) => boolean }): Record<string, unknown>;
}
