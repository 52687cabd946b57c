/** Absolute path of the built dashboard (`packages/web/dist`), for `startServer({ webDir })`. */
export declare const webDir: string;
