/**
 * Whether the entry points' docs (descriptions, parameters) are wanted.
 * They are JSDoc, which scripts/build.ts writes above each top-level function
 * after importing src/entrypoints.ts as it is (true here). Inside the bundle,
 * which every custom-function call loads, only each entry's name, kind and
 * implementation are used: the build defines `__JSDOC__` false, esbuild
 * inlines this constant (it only does so across modules, hence its own file)
 * and drops every `JSDOC ? {…docs} : NO_DOC` down to NO_DOC.
 */
declare const __JSDOC__: boolean | undefined;
export const JSDOC = typeof __JSDOC__ === "undefined" || __JSDOC__;
