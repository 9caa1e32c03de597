/**
 * The JWT attack cases shared by the Effect 3 and Effect 4 suites: plain data and a plain token builder. The table
 * itself is effect4/test/support/jwtCases.ts (the Effect 4 type-check project may only import files it includes;
 * the Effect 3 test project may import from anywhere).
 */
export * from "../../effect4/test/support/jwtCases.js"
