export declare const DEFAULT_PRELOAD_OUT: string;
export declare function bundlePreload(file?: string): Promise<string>;
