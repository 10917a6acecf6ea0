// Types of scripts/env.mjs for the TypeScript tests that use it.
export declare const root: string;
export declare const childEnv: NodeJS.ProcessEnv;
export declare function run(cmd: string, args: string[], options?: object): number;
export declare function mustRun(cmd: string, args: string[], options?: object): void;
export declare function pnpm(args: string[], options?: object): number;
export declare const HEADLESS_CHROME_FLAGS: readonly string[];
export declare function findChrome(): string | undefined;
