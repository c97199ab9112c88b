import { Module } from '@nestjs/common';
import { InboundMailbox } from './inbound-mailbox';
import { MailboxService } from './mailbox.service';

/**
 * The inbound mailbox in the worker: an SMTP server (when INBOUND_SMTP_PORT is set) for the digests'
 * mailto unsubscribes and the bounces and complaints that come back to their VERP envelope sender.
 */
@Module({
  providers: [MailboxService, InboundMailbox],
  exports: [InboundMailbox],
})
export class MailboxModule {}
