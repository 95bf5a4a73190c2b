/** Ends an exhaustive switch: adding a member to the union makes the call site fail to compile. */
export function assertUnreachable(x: never): never {
  throw new Error(`Unexpected value: ${String(x)}`);
}
