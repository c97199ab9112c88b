import { Module } from '@nestjs/common';
import { DigestsModule } from '../../digests/digests.module';
import { SeekerPagesModule } from '../seekers/seeker-pages.module';
import { DigestPagesController } from './digest-pages.controller';

/** The digests' pages: /digests/new, confirm, manage and unsubscribe. */
@Module({
  imports: [DigestsModule, SeekerPagesModule],
  controllers: [DigestPagesController],
})
export class DigestPagesModule {}
