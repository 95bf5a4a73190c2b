import { optionsFromEnv } from './env';
import { startSimulator } from './server';

async function main(): Promise<void> {
  const sim = await startSimulator(optionsFromEnv(process.env));
  const [accountSid] = Object.keys(sim.accounts);
  console.log(`[twilio-sim] listening on ${sim.url} (account ${accountSid})`);
  const stop = (signal: string): void => {
    console.log(`[twilio-sim] ${signal}: shutting down`);
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('[twilio-sim] close failed:', err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('[twilio-sim] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
