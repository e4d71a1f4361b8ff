// The espeak-ng package ships no types: its default export is an Emscripten MODULARIZE factory.
declare module 'espeak-ng' {
  const createEspeakNg: (moduleOptions: Record<string, unknown>) => Promise<{
    FS: { readFile(path: string): Uint8Array };
  }>;
  export default createEspeakNg;
}
