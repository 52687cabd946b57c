/** Where the generated types live. */
export declare const generatedFile: string;
/** Starts the server in-process over a throwaway SQLite file and reads its OpenAPI document. */
export declare function openApiDocument(startServer: (options: object) => Promise<unknown>): Promise<object>;
/** Renders an OpenAPI document as TypeScript, formatted with the repository's Biome settings. */
export declare function renderApiTypes(document: object): Promise<string>;
