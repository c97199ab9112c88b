import { Module } from '@nestjs/common';
import { AdminSourcesController } from './admin-sources.controller';
import { AdminSourcesService } from './admin-sources.service';
import { AdminTokenGuard } from './admin-token.guard';

/** The operator's source management behind ADMIN_TOKEN: /api/v1/admin/sources. */
@Module({
  controllers: [AdminSourcesController],
  providers: [AdminSourcesService, AdminTokenGuard],
})
export class AdminSourcesModule {}
