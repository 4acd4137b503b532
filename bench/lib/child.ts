import { spawn } from "node:child_process";

/**
 * Runs `script` in a fresh Node process (same loader flags, so TypeScript works) with `flag <json args>`
 * and resolves with the JSON of its last stdout line: a measurement whose peak RSS is the child's own.
 */
export function runJsonChild<T>(script: string, flag: string, args: unknown, nodeFlags: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, ...process.execArgv, script, flag, JSON.stringify(args)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${flag} child exited with ${code}: ${out}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as T);
    });
  });
}
