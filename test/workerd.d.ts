// The npm workerd package ships no types: its default export is the binary's path.
declare module "workerd" {
  const binaryPath: string;
  export default binaryPath;
  export const compatibilityDate: string;
}
