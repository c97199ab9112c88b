import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** GET /health (liveness) and /health/ready (database, queue backend, search index). */
@Module({ controllers: [HealthController] })
export class HealthModule {}
