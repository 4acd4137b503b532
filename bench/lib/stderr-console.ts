// Imported first by bench/run.ts: stdout carries exactly one JSON object, so everything that logs through
// console (migrations, better-auth's warnings, the seeder) is sent to stderr instead.
const toStderr = (...args: unknown[]) => console.error(...args);
console.log = toStderr;
console.info = toStderr;
console.warn = toStderr;
console.debug = toStderr;

export {};
