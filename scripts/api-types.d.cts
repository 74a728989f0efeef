/** Types of scripts/api-types.cjs (the test imports it). */
export declare const SCHEMA_PATH: string;
export declare const REGENERATE_COMMAND: string;
export declare function renderApiTypes(document: unknown): Promise<string>;
