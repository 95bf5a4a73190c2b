export declare const API_TYPES_FILE: string;
export declare function renderApiTypes(document: object): Promise<string>;
