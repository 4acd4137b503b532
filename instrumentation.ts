// Opens the database, migrates and seeds when the server starts rather than on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getRuntime } = await import("./server/runtime");
    await getRuntime();
  }
}
