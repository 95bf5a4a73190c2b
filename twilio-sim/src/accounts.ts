/** Used when neither options nor SIM_ACCOUNT_SID/SIM_AUTH_TOKEN name an account. */
export const DEFAULT_ACCOUNT_SID = 'AC00000000000000000000000000000000';
export const DEFAULT_AUTH_TOKEN = 'sim-auth-token';

export function defaultAccounts(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { [env.SIM_ACCOUNT_SID || DEFAULT_ACCOUNT_SID]: env.SIM_AUTH_TOKEN || DEFAULT_AUTH_TOKEN };
}
