// Files Vite bundles as text (`?raw`): the spelling dictionaries.
declare module "*?raw" {
  const text: string;
  export default text;
}
