/**
 * The part of the espeak-ng package that speech.ts uses: an Emscripten build of the eSpeak NG
 * command line. Each call to the default export makes a fresh instance that runs `main` once
 * with `arguments`, its voice data embedded in an in-memory file system.
 */
declare module "espeak-ng" {
  interface EspeakInstance {
    FS: {
      writeFile(path: string, data: string): void;
      readFile(path: string): Uint8Array;
    };
  }
  interface EspeakOptions {
    arguments: string[];
    print(line: string): void;
    printErr(line: string): void;
    preRun: Array<(instance: EspeakInstance) => void>;
    /** Instantiates the wasm with `imports`; `receive(instance)` runs `main` synchronously. Returns {} when asynchronous. */
    instantiateWasm(imports: object, receive: (instance: object) => void): object;
  }
  export type { EspeakInstance, EspeakOptions };
  export default function ESpeakNg(options: EspeakOptions): Promise<EspeakInstance>;
}
