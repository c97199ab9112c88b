import { repositoriesOf } from '#persistence';
import { CliError, cliConfig, openDatabase, printJsonLine } from '../cli-context';
import { DIGESTS_USAGE } from '../usage';

const EMAIL = /^[^\s@<>,;"]{1,64}@[^\s@<>,;"]{1,255}$/;

/**
 * Operators' digest commands: feed bounces and complaints in (from a provider's report or a bounce
 * mailbox), lift a suppression, see the outbox. Addresses are printed masked.
 */
export async function digestsCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const ds = await openDatabase(cliConfig());
  try {
    const repos = repositoriesOf(ds);
    if (action === 'suppress') {
      const complaint = rest.includes('--complaint');
      const addresses = rest.filter((a) => !a.startsWith('--'));
      if (addresses.length === 0) throw new CliError(`usage: ${DIGESTS_USAGE}`);
      for (const email of addresses) {
        if (!EMAIL.test(email))
          throw new CliError(`not an e-mail address: ${JSON.stringify(email.slice(0, 40))}`);
        const added = await repos.mailSuppressions.add(email, complaint ? 'complaint' : 'bounce');
        const stopped = await repos.digestSubscriptions.unsubscribeEmail(email.toLowerCase());
        printJsonLine({ email: mask(email), suppressed: true, new: added, subscriptionsStopped: stopped });
      }
      return 0;
    }
    if (action === 'unsuppress' && rest.length === 1) {
      printJsonLine({ email: mask(rest[0]), removed: await repos.mailSuppressions.remove(rest[0]) });
      return 0;
    }
    if (action === 'status' && rest.length === 0) {
      printJsonLine({ outbox: await repos.digestOutbox.counts() });
      return 0;
    }
    throw new CliError(`usage: ${DIGESTS_USAGE}`);
  } finally {
    await ds.destroy();
  }
}

function mask(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}
